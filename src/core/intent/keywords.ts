// The words that carry each intent, in Vietnamese (with their diacritics) and English, compiled once.
import type { ItemStatus } from '../types.ts';
import { compilePhrases, type Phrase } from './phrases.ts';

// Vietnamese phrases are written with their diacritics on purpose: a message typed without any still
// matches them, but "chấm" (grade) cannot pass for "chậm" (late), nor "trẻ" (young) for "trễ" (late).

export const EXPLAIN = compilePhrases([
  'giải trình',
  'yêu cầu giải trình',
  'đề nghị giải trình',
  'explain',
  'explanation',
  'an explanation',
  'ask for an explanation',
  'làm rõ nguyên nhân',
  'làm rõ lý do',
  'làm rõ vì sao',
  'nêu lý do',
  'nêu rõ lý do',
  'báo cáo lý do',
  'giải thích lý do',
  'giải thích vì sao',
  'explain why',
  'justify',
]);

export const MY_TASKS = compilePhrases([
  'my tasks',
  'my task',
  'my items',
  'my work',
  'my targets',
  'my assignments',
  'my todo',
  'my to do',
  'assigned to me',
  'what do i have',
  'what have i got',
  'do i have',
  'have i',
  'am i',
  'i haven t',
  'i have not',
  'on my plate',
  'my unfinished',
  'my open',
  'my pending',
  'tôi đứng tên',
  'em đứng tên',
  'mình đứng tên',
  'đứng tên tôi',
  'đứng tên em',
  'đứng tên mình',
  'giao cho tôi',
  'giao cho em',
  'giao cho mình',
  'tôi chủ trì',
  'em chủ trì',
  'tôi phụ trách',
  'em phụ trách',
  'anh phụ trách',
  'a phụ trách',
  'of mine',
  'i own',
  'should i work',
  'do i need to',
  'i need to finish',
  'i have to',
  'tôi được giao',
  'em được giao',
  'mình được giao',
  'phần của tôi',
  'phần của em',
  'phần của mình',
  'phần tôi',
  'phần em',
  'phần mình',
]);
/** "danh sách", "liệt kê", "list of": items asked for one by one, not counted. */
export const LIST_WORDS = compilePhrases(['danh sách', 'liệt kê', 'list of', 'list the', 'list all', 'list']);
/** "việc của tôi": a work noun somewhere before "của tôi/em/mình". */
export const MINE = compilePhrases(['của tôi', 'của em', 'của mình', 'của tui', 'của anh', 'của chị']);
export const WORK_NOUNS = compilePhrases([
  'việc',
  'công việc',
  'nhiệm vụ',
  'chỉ tiêu',
  'mục tiêu',
  'task',
  'tasks',
  'đầu việc',
]);

export const HELP_STRONG = compilePhrases([
  'hướng dẫn',
  'trợ giúp',
  'sử dụng thế nào',
  'dùng thế nào',
  'làm được gì',
  'làm được những gì',
  'làm được những việc gì',
  'giúp được gì',
  'hỗ trợ được gì',
  'có thể làm gì',
  'biết làm gì',
  'what do you do',
  'how does this work',
  'what should i ask',
  'what can i ask',
  'hướng dẫn sử dụng',
  'cách sử dụng',
  'cách dùng',
  'cách tra cứu',
  'cách cập nhật',
  'cách báo cáo',
  'tính năng',
  'how do i post',
  'how do i report',
  'how do i update',
  'how do i ask',
  'what features',
  'hỏi được những gì',
  'hỏi được gì',
  'hướng dẫn cách',
  'hướng dẫn hỏi',
  'cách xem',
  'xài sao',
  'xài thế nào',
  'dùng sao',
  'how to post',
  'how do i use',
  'how to use',
]);
/** About using the bot itself, whatever else the message names ("hỏi việc quá hạn thì gõ thế nào"). */
export const HELP_HOW = compilePhrases([
  'gõ thế nào',
  'gõ như thế nào',
  'gõ gì',
  'gõ lệnh',
  'cú pháp',
  'qua bot',
  'bot làm được',
  'bot giúp được',
  'bot có hiểu',
  'câu hỏi mẫu',
  'mẫu câu hỏi',
  'câu lệnh',
  'lệnh mẫu',
  'lệnh gì',
  'danh sách lệnh',
  'các lệnh',
  'những lệnh',
  'cách hỏi bot',
  'hỏi bạn được',
  'how to use the bot',
  'how do i use the bot',
  'how to use this bot',
  'use this bot',
  'what can you do',
  'through the bot',
  'example questions',
  'list of commands',
]);
/** Words for agencies as a kind: "sở ngành nào chậm nhất" ranks them. */
export const AGENCY_KINDS = compilePhrases([
  'đơn vị',
  'sở',
  'ngành',
  'sở ngành',
  'cơ quan',
  'địa phương',
  'xã',
  'phường',
  'agency',
  'agencies',
  'department',
  'departments',
  'unit',
  'units',
  'commune',
  'communes',
  'ai',
]);
export const HELP_WEAK = compilePhrases(['giúp', 'giúp đỡ', 'help', 'commands', 'menu']);

export const OVERDUE = compilePhrases([
  'quá hạn',
  'trễ hạn',
  'trễ',
  'chậm',
  'chậm tiến độ',
  'chậm trễ',
  'lỡ hạn',
  'quá thời hạn',
  'overdue',
  'late',
  'behind schedule',
  'behind',
  'past due',
  'past deadline',
  'past the deadline',
  'delayed',
  'missed deadline',
  'missed deadlines',
  'missed any deadlines',
  'missed the deadline',
  'đã hết hạn',
  'hết hạn mà',
  'hết hạn rồi',
  'expired',
  'không kịp hạn',
  'không kịp tiến độ',
  'lố hạn',
  'vượt thời hạn',
  'vượt hạn',
  'còn nợ',
  'nợ đọng',
  'bỏ lỡ',
  'lỡ deadline',
  'trễ deadline',
  'quá deadline',
  'miss any deadlines',
  'miss a deadline',
  'missed',
  'should have been done',
  'should have been finished',
  'lẽ ra phải xong',
  'đáng lẽ phải xong',
  'lẽ ra xong',
  'không hoàn thành đúng hạn',
  'chưa hoàn thành đúng hạn',
  'không đúng hạn',
  'muộn hạn',
  'để muộn',
]);

export const DUE_SOON = compilePhrases([
  'sắp đến hạn',
  'cận hạn',
  'gần đến hạn',
  'sắp hạn',
  'đến hạn',
  'tới hạn',
  'sắp tới hạn',
  'sắp hết hạn',
  'phải xong trước',
  'phải xong',
  'phải hoàn thành trước',
  'cần xong trước',
  'cần hoàn thành trước',
  'phải hoàn thành',
  'cần hoàn thành',
  'must be finished',
  'must be completed',
  'must be done',
  'has to be done',
  'have to finish',
  'need to finish',
  'must finish',
  'finish by',
  'sắp đến kỳ hạn',
  'đến kỳ hạn',
  'kỳ hạn',
  'mốc',
  'gần hết hạn',
  'phải về đích',
  'hạn chót',
  'hạn cuối',
  'sắp tới',
  'due',
  'due soon',
  'deadline',
  'deadlines',
  'upcoming',
  'coming up',
  'falls due',
]);
/** "hạn" alone reads as a deadline only next to a named period ("việc có hạn trong tháng 9"). */
export const DEADLINE_WORD = compilePhrases(['hạn']);

export const SUMMARY = compilePhrases([
  'tổng hợp',
  'báo cáo',
  'tình hình',
  'tiến độ',
  'thống kê',
  'tổng quan',
  'nhìn chung',
  'headline numbers',
  'numbers',
  'figures',
  'tổng thể',
  'con số',
  'lộ trình',
  'đánh giá chung',
  'tiến triển',
  'ở mức nào',
  'kết quả',
  'đạt bao nhiêu',
  'bao nhiêu',
  'tỷ lệ',
  'tỉ lệ',
  'summary',
  'summarise',
  'summarize',
  'report',
  'overall',
  'progress',
  'overview',
  'how many',
  'statistics',
  'stats',
  'status',
]);

/**
 * A count or a share of items, or items per agency: a `summary` even beside a lateness or status word
 * ("đếm việc quá hạn từng sở", "number of overdue items per department"). Not "bao nhiêu" alone:
 * "trễ bao nhiêu ngày" asks which are late.
 */
export const COUNT = compilePhrases([
  'đếm',
  'số lượng',
  'số liệu',
  'tỷ lệ',
  'tỉ lệ',
  'từng sở',
  'từng đơn vị',
  'các sở ngành',
  'how many',
  'number of',
  'count',
  'percentage',
  'share of',
  'completion rate',
  'phần trăm',
  'percent',
  'percent complete',
  'per department',
  'per agency',
  'by department',
  'each department',
]);

/**
 * "NQ57 thế nào", "tình hình Đông Sơn ra sao", "Dong Son situation?": how a named scope stands. Read only
 * beside a programme or agency (decide.ts); alone, "thế nào" asks about anything.
 */
export const HOW_IS = compilePhrases([
  'thế nào',
  'ra sao',
  'như thế nào',
  'situation',
  'ổn chưa',
  'ổn không',
  'có ổn không',
  'đang ổn',
]);

/** Words before an item code that announce a report, so a bare number after the code is its percent. */
export const UPDATE_PREFIX = compilePhrases(['cập nhật', 'update', 'updated']);

export interface StatusPhrase {
  status: ItemStatus;
  /** A label is dropped from the note even when text follows it ("done, đã nghiệm thu"). */
  label: boolean;
}

function statusPhrases(
  status: ItemStatus,
  label: boolean,
  texts: readonly string[],
): [Phrase, StatusPhrase][] {
  return compilePhrases(texts).map((p) => [p, { status, label }]);
}

const STATUS_ENTRIES: [Phrase, StatusPhrase][] = [
  ...statusPhrases('done', true, [
    'xong',
    'đã xong',
    'hoàn thành',
    'đã hoàn thành',
    'hoàn tất',
    'đã hoàn tất',
  ]),
  ...statusPhrases('done', true, ['done', 'completed', 'complete', 'finished', 'finish']),
  ...statusPhrases('blocked', false, [
    'vướng',
    'vướng mắc',
    'bị vướng',
    'đang vướng',
    'còn vướng',
    'chờ',
    'đang chờ',
    'còn chờ',
    'bị chặn',
    'khó khăn',
    'gặp khó khăn',
    'đang gặp khó khăn',
    'bế tắc',
    'bị tắc',
    'tắc',
    'đang tắc',
    'tạm dừng',
    'bị kẹt',
    'kẹt',
    'đang kẹt',
    'bị treo',
    'treo',
  ]),
  ...statusPhrases('blocked', true, ['blocked', 'stuck', 'on hold']),
  ...statusPhrases('in_progress', false, [
    'đang triển khai',
    'đang làm',
    'đang thực hiện',
    'đang tiến hành',
    'chưa xong',
    'chưa hoàn thành',
  ]),
  ...statusPhrases('in_progress', true, [
    'in progress',
    'ongoing',
    'started',
    'not done',
    'not finished',
    'isn t done',
    'aren t done',
    'not yet done',
    'still isn t done',
  ]),
  ...statusPhrases('not_started', false, ['chưa bắt đầu', 'chưa triển khai', 'chưa thực hiện', 'chưa làm']),
  ...statusPhrases('not_started', true, ['not started', 'not yet started']),
];
STATUS_ENTRIES.sort((a, b) => b[0].tokens.length - a[0].tokens.length);

export const STATUS_PHRASES: readonly Phrase[] = STATUS_ENTRIES.map(([p]) => p);
export const STATUS_OF = new Map<Phrase, StatusPhrase>(STATUS_ENTRIES);

/** Words that sit between a code, its percent and its status without meaning anything themselves. */
export const FILLERS = compilePhrases([
  'đã',
  'em',
  'tôi',
  'mình',
  'bên em',
  'chúng tôi',
  'đến nay',
  'tính đến nay',
  'so far',
  'we',
  'rồi',
  'nhé',
  'nha',
  'ạ',
  'hiện',
  'hiện tại',
  'hiện nay',
  'vẫn',
  'còn',
  'bị',
  'lên',
  'đạt',
  'đạt được',
  'được',
  'là',
  'tiến độ',
  'trạng thái',
  'is',
  'now',
  'has',
  'been',
  'was',
  'marked',
  'as',
  'to',
  'at',
  'currently',
  'the',
  'status',
  'progress',
]);

/** "cho" without its diacritic is usually "for/give" ("cho tôi xem"); it means "waiting" only before these. */
export const WAITING_OBJECTS = compilePhrases([
  'kinh phí',
  'phê duyệt',
  'duyệt',
  'vốn',
  'ý kiến',
  'thiết bị',
  'hướng dẫn',
  'kết quả',
  'bố trí',
  'cấp',
  'giải ngân',
  'nguồn',
  'xử lý',
  'quyết định',
  'hồ sơ',
  'thẩm định',
]);
export const WAIT_WORD = compilePhrases(['chờ']);

export const QUESTION_PHRASES = compilePhrases([
  'đến đâu',
  'thế nào',
  'ra sao',
  'sao rồi',
  'bao giờ',
  'khi nào',
  'xong chưa',
  'hoàn thành chưa',
  'được chưa',
  'hay chưa',
  'bao nhiêu',
  'how many',
  'how much',
]);
export const QUESTION_ENDINGS = compilePhrases(['chưa', 'không', 'ko', 'hả', 'nhỉ', 'chứ']);
export const QUESTION_STARTS = compilePhrases([
  'is',
  'are',
  'has',
  'have',
  'did',
  'does',
  'was',
  'were',
  'what',
  'when',
  'how',
  'why',
  'where',
  'which',
  'can',
  'could',
  'will',
]);

export const REGISTER = compilePhrases(['đăng ký', 'đăng kí', 'register']);
/** "giao NQ57-12.3 cho P09": an admin handing a task to someone else (a control, never an intent). */
export const ASSIGN = compilePhrases([
  'giao',
  'giao lại',
  'chuyển giao',
  'giao việc',
  'giao nhiệm vụ',
  'giao lại nhiệm vụ',
  'assign',
  're-assign',
  'reassign',
  'assign task',
]);
/** The word between the task and the person: "… cho P09", "… to P09". */
export const ASSIGN_TO = compilePhrases(['cho', 'sang', 'to']);
/** "/bantin bật", "/digest on" — and "bắt" (catch) is not "bật". */
export const SWITCH_ON = compilePhrases(['bật', 'bật lên', 'mở', 'on', 'start', 'subscribe']);
export const SWITCH_OFF = compilePhrases(['tắt', 'tắt đi', 'dừng', 'ngừng', 'off', 'stop', 'unsubscribe']);
export const NEXT_PAGE = compilePhrases([
  'trang sau',
  'trang tiếp',
  'trang tiếp theo',
  'tiếp',
  'tiếp theo',
  'tiếp tục',
  'xem tiếp',
  'xem thêm',
  'thêm',
  'next',
  'next page',
  'more',
  'show more',
  'see more',
]);
export const YES = compilePhrases([
  'có',
  'đồng ý',
  'ok',
  'okay',
  'oke',
  'okie',
  'yes',
  'yep',
  'xác nhận',
  'đúng',
  'đúng rồi',
  'chắc chắn',
  'confirm',
  'sure',
  'ừ',
  'vâng',
  'dạ',
  'dạ có',
  'vâng ạ',
]);
export const NO = compilePhrases([
  'không',
  'ko',
  'không đồng ý',
  'hủy',
  'huỷ',
  'hủy bỏ',
  'huỷ bỏ',
  'thôi',
  'no',
  'nope',
  'cancel',
  'dạ không',
]);
/** Courtesy words that may trail a one-word answer ("có ạ", "ok nhé", "yes please"). */
export const COURTESY = compilePhrases([
  'ạ',
  'nhé',
  'nha',
  'đi',
  'luôn',
  'please',
  'thanks',
  'cảm ơn',
  'bot',
]);

// Words that tell the language of a message written without diacritics; none is also common in the other.
export const VI_WORDS = new Set(
  (
    'viec nhiem vu cua toi nao qua han tien tong hop muc tieu xong hoan thanh dang trien khai sap den tuan ' +
    'thang nay sau quy nam bao nhieu cao tinh hinh giai trinh yeu cau huong dan giup lam duoc gi khong ' +
    'chua roi cham tre xa phuong cap nhat nghi quyet ke hoach chuyen doi vuong cho truoc ngay hom dau cuoi ' +
    'chi kinh phi dat cac nhung la sao nhe oi em anh minh gui xem con tiep trang dong y huy ' +
    'thoi tiet chuc mung sinh nhat bot lap tram thiet bi'
  ).split(' '),
);
export const EN_WORDS = new Set(
  (
    'the of what which is are due overdue late status progress summary report my tasks task targets target ' +
    'help can you show me list update done completed finished blocked stuck in for by before this next week ' +
    'month quarter year end how many department resolution project plan ask explanation explain please ' +
    'behind schedule overall today first half second yes no cancel more register items work any all ' +
    'deadline deadlines police province provincial committee office health finance justice education ' +
    'science technology agriculture environment culture sports tourism home affairs from until not started ' +
    'waiting on with funds'
  ).split(' '),
);

/** A question about which agencies are most behind: a `summary` whose answer leads with the ranking. */
export const RANKING = compilePhrases([
  'xếp hạng',
  'bảng xếp hạng',
  'chậm nhất',
  'trễ nhất',
  'kém nhất',
  'most behind',
  'furthest behind',
  'ranking',
  'rank the agencies',
  'dẫn đầu',
  'đứng bét',
  'bét',
  'cuối bảng',
  'bottom of the ranking',
  'at the bottom',
  'ai làm chậm',
  'kéo chậm',
  'tụt lại',
  'tụt hậu',
  'đội sổ',
  'đứng đầu',
  'đứng cuối',
  'leading',
  'best performing',
  'worst performing',
  'rank the departments',
  'rank departments',
  'ranking of',
  'league table',
]);

/** The work status a `list` asks for ("việc nào đang vướng", "what was completed in June"), longest first. */
const LIST_STATUS_ENTRIES: [Phrase, ItemStatus][] = [
  ...STATUS_ENTRIES.map(([p, s]) => [p, s.status] as [Phrase, ItemStatus]),
  ...compilePhrases([
    'dở dang',
    'đang chạy',
    'working on',
    'being done',
    'làm dở',
    'đang làm dở',
    'đang dở',
    'đang tiến hành',
    'đang được thực hiện',
    'đang được triển khai',
    'trong quá trình thực hiện',
    'trong quá trình triển khai',
    'đang trong quá trình',
    'trong giai đoạn triển khai',
    'underway',
    'under way',
    'in progress',
    'being worked on',
  ]).map((p) => [p, 'in_progress'] as [Phrase, ItemStatus]),
  ...compilePhrases([
    'đã làm xong',
    'làm xong',
    'đã hoàn thiện',
    'hoàn thiện',
    'đã kết thúc',
    'finished',
    'về đích',
    'cán đích',
    'đã đạt',
    'đạt rồi',
    'completed',
    'complete',
    'done',
  ]).map((p) => [p, 'done'] as [Phrase, ItemStatus]),
  ...compilePhrases([
    'gặp khó',
    'gặp vướng mắc',
    'trở ngại',
    'obstacle',
    'obstacles',
    'ách tắc',
    'bị đình trệ',
    'đình trệ',
    'stalled',
    'on hold',
    'held up',
    'waiting',
  ]).map((p) => [p, 'blocked'] as [Phrase, ItemStatus]),
  ...compilePhrases([
    'chưa khởi động',
    'chưa ai động đến',
    'chưa ai động tới',
    'chưa ai bắt tay',
    'nằm trên giấy',
    'chưa được khởi động',
    'chưa động đến',
    'chưa động tới',
    'chưa khởi công',
    'chưa được triển khai',
    'chưa được thực hiện',
    'chưa bắt tay',
    'not begun',
    'not yet begun',
    'not yet started',
    'yet to start',
    'have not started',
    'haven t started',
    'hasn t started',
    'has not started',
    'not kicked off',
    'haven t kicked off',
    'hasn t kicked off',
  ]).map((p) => [p, 'not_started'] as [Phrase, ItemStatus]),
];
LIST_STATUS_ENTRIES.sort((a, b) => b[0].tokens.length - a[0].tokens.length);
export const LIST_STATUS_PHRASES: readonly Phrase[] = LIST_STATUS_ENTRIES.map(([p]) => p);
export const LIST_STATUS_OF = new Map<Phrase, ItemStatus>(LIST_STATUS_ENTRIES);

/** What a person says of their own work ("em phải nộp gì", "tôi để trễ những gì"): a hint, not a rule. */
export const SELF_WORK = compilePhrases([
  'phải nộp',
  'phải làm',
  'phải xong',
  'phải hoàn thành',
  'cần xong',
  'cần làm',
  'cần nộp',
  'cần hoàn thành',
  'đang vướng',
  'để trễ',
  'để chậm',
  'đã làm xong',
  'còn nợ',
  'đang phụ trách',
  'đang chủ trì',
]);

/** "việc nhà", "việc riêng": housework and private matters are not the plan's work, nor the sender's. */
export const NOT_WORK = compilePhrases([
  'việc nhà',
  'việc riêng',
  'việc cá nhân',
  'việc gia đình',
  'housework',
  'chores',
]);

/** After the sender: "em có …", "tôi còn …" (their own work). */
export const HAS = compilePhrases(['có', 'còn']);
