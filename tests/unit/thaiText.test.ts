import {
  compactText,
  indexTokens,
  makeSnippet,
  MAX_QUERY_TOKENS,
  normalizeThai,
  queryTokens,
  segmentWords,
} from '../../src/lib/thaiText'

describe('normalizeThai', () => {
  it('composes to NFC and drops zero-width characters', () => {
    expect(normalizeThai('ทะเบียน\u200Bพาณิชย์\uFEFF')).toBe('ทะเบียนพาณิชย์')
    expect(normalizeThai('e\u0301')).toBe('\u00E9')
  })

  it('repairs doubled vowels and tone marks from sloppy typing', () => {
    expect(normalizeThai('บ้้าน')).toBe('บ้าน')
    expect(normalizeThai('ดีีี')).toBe('ดี')
    expect(normalizeThai('มาาาก')).toBe('มาก')
  })

  it('turns two sara e into sara ae and rebuilds sara am', () => {
    expect(normalizeThai('เเจ้งเกิด')).toBe('แจ้งเกิด')
    expect(normalizeThai('น\u0E4D\u0E49\u0E32')).toBe('น้ำ') // nikhahit + tone + aa
    expect(normalizeThai('น\u0E33\u0E49')).toBe('น้ำ') // sara am typed before the tone mark
    expect(normalizeThai('น้ำ')).toBe('น้ำ')
  })

  it('maps Thai digits and full-width Latin, lower-cases, collapses spaces', () => {
    expect(normalizeThai('พ.ศ. ๒๕๕๘')).toBe('พ.ศ. 2558')
    expect(normalizeThai('ＰＡＳＳＰＯＲＴ　  Visa')).toBe('passport visa')
    expect(normalizeThai(null)).toBe('')
  })
})

describe('segmentWords', () => {
  it('splits Thai written without spaces into words', () => {
    expect(segmentWords('ขอใบอนุญาตสร้างบ้าน')).toEqual(['ขอ', 'ใบ', 'อนุญาต', 'สร้าง', 'บ้าน'])
    expect(segmentWords('จดทะเบียนพาณิชย์')).toEqual(['จด', 'ทะเบียน', 'พาณิชย์'])
  })

  it('keeps English words and numbers of mixed text, drops punctuation', () => {
    expect(segmentWords('ขอ Passport ที่ไหน? (๒๕๖๗)')).toEqual(['ขอ', 'passport', 'ที่ไหน', '2567'])
    expect(segmentWords('แจ้งสร้างบ้าน 39 ทวิ')).toEqual(['แจ้ง', 'สร้าง', 'บ้าน', '39', 'ทวิ'])
  })

  it('gives the same words whatever zero-width characters or spaces were typed', () => {
    expect(segmentWords('ทะเบียน\u200Bพาณิชย์')).toEqual(segmentWords('ทะเบียน พาณิชย์'))
    expect(segmentWords('')).toEqual([])
  })
})

describe('indexTokens and queryTokens', () => {
  it('joins the words of several texts with spaces for to_tsvector', () => {
    expect(indexTokens('จดทะเบียนพาณิชย์', ['เปิดร้าน', null], undefined)).toBe('จด ทะเบียน พาณิชย์ เปิด ร้าน')
  })

  it('drops function words and repeats from a query, but never everything', () => {
    expect(queryTokens('การขอทำบัตรประชาชนที่ไหน')).toEqual(['ขอ', 'ทำ', 'บัตร', 'ประชาชน'])
    expect(queryTokens('บ้าน บ้าน บ้าน')).toEqual(['บ้าน'])
    expect(queryTokens('การ')).toEqual(['การ'])
  })

  it('keeps at most MAX_QUERY_TOKENS words', () => {
    const long = 'ขอ ใบ อนุญาต สร้าง บ้าน เปิด ร้าน อาหาร จด ทะเบียน พาณิชย์ บริษัท'
    expect(queryTokens(long)).toHaveLength(MAX_QUERY_TOKENS)
  })
})

describe('compactText', () => {
  it('removes spaces so trigram comparison ignores spacing', () => {
    expect(compactText('ทะเบียน  พาณิชย์')).toBe('ทะเบียนพาณิชย์')
  })
})

describe('makeSnippet', () => {
  const text =
    'ผู้ยื่นคำขอต้องยื่นคำขอด้วยตนเอง ณ หน่วยงานที่ให้บริการ พร้อมเอกสารหลักฐานตามรายการที่กำหนด ' +
    'กรณีคำขอหรือเอกสารหลักฐานไม่ครบถ้วน เจ้าหน้าที่จะบันทึกความบกพร่อง ' +
    'ระยะเวลาการให้บริการตามคู่มือเริ่มนับหลังจากเจ้าหน้าที่ตรวจสอบเอกสารครบถ้วน ค่าธรรมเนียมใบอนุญาตฉบับละ 20 บาท'

  it('cuts a window around the first query word with ellipses', () => {
    const snippet = makeSnippet(text, ['ค่าธรรมเนียม'], 80)
    expect(snippet).toContain('ค่าธรรมเนียม')
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(82)
  })

  it('starts at the beginning when no word occurs, and returns short text whole', () => {
    expect(makeSnippet(text, ['ไม่มีคำนี้'], 40).startsWith('ผู้ยื่นคำขอ')).toBe(true)
    expect(makeSnippet('สั้น', ['x'])).toBe('สั้น')
    // Text already normalised (as the search index stores it) gives the same excerpt unchanged.
    const normal = normalizeThai(text)
    expect(makeSnippet(normal, ['ค่าธรรมเนียม'], 80, true)).toBe(makeSnippet(text, ['ค่าธรรมเนียม'], 80))
  })
})

describe('tsquery text built from query words', () => {
  it('requires every word, the last one also as a prefix, and escapes quotes', async () => {
    const { tsqueryAll, tsqueryAny } = await import('../../src/search/query')
    expect(tsqueryAll(['ทะเบียน', 'พาณิชย์'])).toBe("'ทะเบียน' & 'พาณิชย์':*")
    expect(tsqueryAll(['o\'neil'])).toBe("'o''neil':*")
    expect(tsqueryAll(['ป'])).toBe("'ป'")
    expect(tsqueryAny(['ขอ', 'ป', 'บ้าน'])).toBe("'ขอ' | 'บ้าน'")
  })
})
