// Finding programmes and agencies by any alias: abbreviations, no diacritics, typos, ties and false friends.
import { describe, expect, it } from 'vitest';
import { editDistance, matchScope } from '../../../src/core/intent/lexicon-match.ts';
import { tokenizePhrase } from '../../../src/core/intent/normalize.ts';
import type { AgencyCode, Lexicon, ProgramCode } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const scope = (text: string, lex: Lexicon = lexicon) => matchScope(tokenizePhrase(text), lex);

describe('programmes by any of the ways officials write them', () => {
  it.each([
    ['NQ57', 'NQ57'],
    ['NQ 57', 'NQ57'],
    ['nq-57', 'NQ57'],
    ['57-NQ/TW', 'NQ57'],
    ['57/NQ-TW', 'NQ57'],
    ['Nghị quyết 57', 'NQ57'],
    ['nghi quyet so 57', 'NQ57'],
    ['NGHỊ QUYẾT 57', 'NQ57'],
    ['Resolution No. 57', 'NQ57'],
    ['ĐA 06', 'DA06'],
    ['ĐA06', 'DA06'],
    ['DA-06', 'DA06'],
    ['DA 6', 'DA06'],
    ['da6', 'DA06'],
    ['Đề án 06', 'DA06'],
    ['de an 6', 'DA06'],
    ['Project 06', 'DA06'],
    ['06/QĐ-TTg', 'DA06'],
    ['CDS25', 'CDS25'],
    ['CDS 25', 'CDS25'],
    ['cds-25', 'CDS25'],
    ['CĐS 2025', 'CDS25'],
    ['kế hoạch chuyển đổi số', 'CDS25'],
    ['KE HOACH CHUYEN DOI SO 2025', 'CDS25'],
    ['digital transformation plan', 'CDS25'],
  ])('reads %j as %s', (text, code) => {
    expect(scope(`tổng hợp ${text} nhé`).program).toBe(code);
  });

  it('does not read "đã 6 tháng" (already six months) as Đề án 06', () => {
    expect(scope('đã 6 tháng').program).toBeNull();
    expect(scope('da 6 thang').program).toBeNull();
  });

  it('cancels out two different programmes rather than picking one', () => {
    expect(scope('NQ57 và Đề án 06').program).toBeNull();
  });

  it('accepts a typo in a long programme name', () => {
    expect(scope('ke hoach chuyn doi so').program).toBe('CDS25');
  });
});

describe('agencies by any of their aliases', () => {
  it.each([
    ['Sở KH&CN', 'SKHCN'],
    ['so kh&cn', 'SKHCN'],
    ['Sở KH & CN', 'SKHCN'],
    ['Sở KHCN', 'SKHCN'],
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'SKHCN'],
    ['Department of Science and Technology', 'SKHCN'],
    ['DOST', 'SKHCN'],
    ['Sở Y tế', 'SYT'],
    ['so y te', 'SYT'],
    ['SYT', 'SYT'],
    ['Công an tỉnh', 'CA'],
    ['cong an', 'CA'],
    ['CA', 'CA'],
    ['CA tỉnh', 'CA'],
    ['Tỉnh ủy', 'TU'],
    ['Tỉnh uỷ', 'TU'],
    ['TU', 'TU'],
    ['Ban Chỉ đạo tỉnh', 'TU'],
    ['UBND tỉnh', 'UBND'],
    ['ubnd', 'UBND'],
    ['Văn phòng UBND tỉnh', 'VPUB'],
    ['VP UBND', 'VPUB'],
    ['STP', 'STP'],
    ['stp', 'STP'],
    ['Sở GD&ĐT', 'SGDDT'],
    ['so gd&dt', 'SGDDT'],
    ['UBND xã Tân Phú', 'X-TANPHU'],
    ['xa tan phu', 'X-TANPHU'],
    ['xã Tân Phú', 'X-TANPHU'],
    ['Tan Phu commune', 'X-TANPHU'],
    ['phường Long Thành', 'P-LONGTHANH'],
    ['TT HCC', 'TTHCC'],
    ['Provincial Police', 'CA'],
  ])('reads %j as %s', (text, code) => {
    expect(scope(`tổng hợp ${text} nhé`)).toMatchObject({ program: null, agency: code, agencyChoices: [] });
  });

  it('prefers the longest name: "Văn phòng UBND tỉnh" is the office, not the committee', () => {
    expect(scope('Văn phòng UBND tỉnh').agency).toBe('VPUB');
  });

  it('finds a programme and an agency in the same message', () => {
    expect(scope('NQ57 của Sở Y tế')).toEqual({
      program: 'NQ57',
      agency: 'SYT',
      agencyChoices: [],
      agencyAt: 2,
    });
  });
});

describe('short aliases that are also everyday words', () => {
  it.each([
    ['cả tỉnh có gì quá hạn'],
    ['các nhiệm vụ'],
    ['tất cả'],
    ['ca làm việc'],
    ['từ tháng 6'],
    ['tu thang 6'],
    ['tự làm'],
    ['cát bụi'],
  ])('does not find the police or the party committee in %j', (text) => {
    expect(scope(text).agency).toBeNull();
  });

  it('finds "CA" only as a whole word written in capitals', () => {
    expect(scope('việc của CA quá hạn').agency).toBe('CA');
    expect(scope('việc của ca quá hạn').agency).toBeNull();
    expect(scope('CAO').agency).toBeNull();
  });

  it('does not fire a short alias inside a longer word', () => {
    expect(scope('STPX DOHX').agency).toBeNull();
  });
});

describe('bodies of communes and wards', () => {
  it('does not take "UBND xã" of an unknown commune for the provincial committee', () => {
    expect(scope('UBND xã Hòa Bình').agency).toBeNull();
  });

  it('does not take "Công an xã" for the provincial police', () => {
    expect(scope('Công an xã').agency).toBeNull();
  });

  it('does not take "UBND các xã" for the provincial committee', () => {
    expect(scope('UBND các xã').agency).toBeNull();
  });
});

describe('close spellings', () => {
  it('resolves a typo in a long agency name', () => {
    expect(scope('so khoa hoc va cong ngeh').agency).toBe('SKHCN');
  });

  it('resolves a wrong tone mark in a long agency name', () => {
    expect(scope('Sở Khoa học và Công nghê').agency).toBe('SKHCN');
  });

  it('resolves a dropped letter in an English agency name', () => {
    expect(scope('Departmnt of Finance').agency).toBe('STC');
  });

  it('does not stretch short names: "So Y ta" is no agency', () => {
    expect(scope('So Y ta').agency).toBeNull();
  });

  it('does not take "về khoa học công nghệ" for the science department', () => {
    expect(scope('đột phá về khoa học công nghệ').agency).toBeNull();
  });

  it('offers both agencies when a typo sits equally close to two names', () => {
    const lex: Lexicon = {
      programs: [],
      agencies: [
        { code: 'PHC' as AgencyCode, vi: 'Phòng Hành chính', en: '', aliases: [] },
        { code: 'PHI' as AgencyCode, vi: 'Phòng Hình chính', en: '', aliases: [] },
      ],
    };
    expect(scope('phong hunh chinh', lex)).toEqual({
      program: null,
      agency: null,
      agencyChoices: ['PHC', 'PHI'],
      // A close spelling is placed nowhere: no name was written.
      agencyAt: null,
    });
  });
});

describe('ambiguity', () => {
  it('offers every agency when two are named', () => {
    expect(scope('Sở Y tế và Sở Tài chính')).toEqual({
      program: null,
      agency: null,
      agencyChoices: ['SYT', 'STC'],
      agencyAt: 0,
    });
  });

  it('offers both agencies when two share the same alias', () => {
    const lex: Lexicon = {
      programs: [{ code: 'P1' as ProgramCode, vi: 'Chương trình một', en: '', aliases: [] }],
      agencies: [
        { code: 'A1' as AgencyCode, vi: 'Phòng Kinh tế', en: '', aliases: [] },
        { code: 'A2' as AgencyCode, vi: 'Phòng Kinh tế', en: '', aliases: [] },
      ],
    };
    expect(scope('phong kinh te', lex)).toMatchObject({
      program: null,
      agency: null,
      agencyChoices: ['A1', 'A2'],
    });
  });

  it('finds nothing in a message that names nothing', () => {
    expect(scope('thời tiết hôm nay thế nào')).toMatchObject({
      program: null,
      agency: null,
      agencyChoices: [],
    });
  });
});

describe('editDistance', () => {
  it.each([
    ['nghe', 'nghe', 0],
    ['ngeh', 'nghe', 1],
    ['cong', 'cnog', 1],
    ['khoa', 'kho', 1],
    ['finance', 'defence', 4],
  ])('puts %j and %j %i edits apart', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('gives up past its limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});
