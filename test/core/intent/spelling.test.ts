// Words typed wrong are read as the word meant: telex left-overs, a doubled letter, and short syllables
// mistyped, read by the word beside them; words that are right, names and look-alike syllables are left alone.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/intent/analysis.ts';
import { decodeTelex } from '../../../src/core/intent/spelling.ts';

const read = (text: string) => {
  const a = analyse(text, () => null);
  return {
    words: a.tokens.map((t) => t.folded).join(' '),
    marked: [...(a.folded.marked?.values() ?? [])],
  };
};

describe('telex left-overs', () => {
  it('puts the tone on the second vowel of "ươ", as Vietnamese writes it', () => {
    expect(decodeTelex('vuwowngs')).toBe('vướng');
    expect(decodeTelex('dduwowcj')).toBe('được');
    expect(decodeTelex('truwowcs')).toBe('trước');
  });

  it('reads a tone key typed before the final consonant, and a doubled vowel typed by mistake', () => {
    expect(decodeTelex('lafm')).toBe('làm');
    expect(read('lafm roox lys do').marked).toEqual(['làm', 'rõ', 'lý']);
  });

  it('reads telex in a capitalised word, and leaves a name alone', () => {
    expect(read('Sowr Tuw phaps').words).toBe('so tu phap');
    expect(read('Tân Phú').words).toBe('tan phu');
  });

  it('reads a whole telex message as the words meant, with their marks', () => {
    const r = read('cos vieecj naof vuwowngs khoong');
    expect(r.words).toBe('co viec nao vuong khong');
    expect(r.marked).toEqual(['có', 'việc', 'nào', 'vướng', 'không']);
  });
});

describe('VNI left-overs and words typed without the space between them', () => {
  it('reads VNI digits as the marks they stand for, and leaves codes alone', () => {
    expect(read('qua1 ha5n NQ57 go62m nhu74ng gi2').marked).toEqual(['quá', 'hạn', 'gồm', 'những', 'gì']);
    expect(read('vie65c na2o d9ang cho72').words).toBe('viec nao dang cho');
    expect(read('tru7o71c').marked).toEqual(['trước']);
    expect(read('cds25 x2 q3').words).toBe('cds25 x2 q3');
  });

  it('puts a telex tone after "qu" and "gi" on the vowel that follows', () => {
    expect(decodeTelex('quas')).toBe('quá');
    expect(decodeTelex('giowf')).toBe('giờ');
  });

  it('splits two words glued together where the vocabulary writes them side by side', () => {
    expect(read('việc nào quáhạn').words).toBe('viec nao qua han');
    // Each part keeps its marks, so the status phrase still reads.
    expect(read('mục tiêu đã hoànthành').marked).toEqual(['hoàn', 'thành']);
    // …but never a command or a mention.
    expect(read('/mytasks@dondoc_bot').words).toBe('mytasks dondoc bot');
  });
});

describe('a letter typed twice', () => {
  it('is read without the repeat, short words too', () => {
    expect(read('DA06-06 xongg').words).toBe('####### xong');
    expect(read('chưa làmm').words).toBe('chua lam');
    expect(read('chưa bắt đầuu').marked).toContain('đầu');
  });
});

describe('short syllables read by their neighbours', () => {
  it('corrects a syllable one letter off when the vocabulary writes it beside the word before', () => {
    expect(read('bị tạm dừg').words).toBe('bi tam dung');
    expect(read('bị tạm dừg').marked).toEqual(['dừng']);
    expect(read('nhiệm vụ chưa triển khia').words).toBe('nhiem vu chua trien khai');
    expect(read('các việc sắp đến hạ').marked).toEqual(['hạn']);
  });

  it('corrects a real syllable typed with marks the vocabulary never gives it ("hoàn thàng")', () => {
    expect(read('chỉ tiêu đã hoàn thàng').marked).toEqual(['thành']);
  });

  it('leaves a right word alone, even one the pair does not expect', () => {
    expect(read('tháng này có gì').words).toBe('thang nay co gi');
    expect(read('chậm chấm điểm').words).toBe('cham cham diem');
  });

  it('never corrects across punctuation, nor a name in capitals', () => {
    expect(read('đến. Hạ').words).toBe('den ha');
    expect(read('tạm, dừg').words).toBe('tam dug');
  });
});

describe('the tone placed the old way', () => {
  it('reads "hoá", "hoà", "uỷ", "thuỷ" as the words they are, never as another word', () => {
    expect(read('số hoá hồ sơ').words).toBe('so hoa ho so');
    expect(read('hoà mạng xong chưa').words).toBe('hoa mang xong chua');
    expect(read('DA06-10.3 số hoá được 70% hồ sơ').words).toContain('so hoa duoc');
  });
});
