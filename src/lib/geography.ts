import { THAI_GEOGRAPHY } from './thai-geography'

/** Thailand's 77 provinces with their districts (อำเภอ/เขต) and subdistricts (ตำบล/แขวง). */
type Province = { name: string; districts: Array<{ name: string; subdistricts: string[] }> }

const provinces: Province[] = THAI_GEOGRAPHY
const byName = new Map(provinces.map((p) => [p.name, p]))

export const PROVINCE_NAMES: string[] = provinces.map((p) => p.name)

export const isProvince = (name: unknown): boolean => typeof name === 'string' && byName.has(name.normalize('NFC'))

export const districtsOf = (province: string): string[] =>
  byName.get(province.normalize('NFC'))?.districts.map((d) => d.name) ?? []

export const isDistrictOf = (province: string, district: string): boolean =>
  districtsOf(province).includes(district.normalize('NFC'))

export const isSubdistrictOf = (province: string, district: string, subdistrict: string): boolean =>
  byName
    .get(province.normalize('NFC'))
    ?.districts.find((d) => d.name === district.normalize('NFC'))
    ?.subdistricts.includes(subdistrict.normalize('NFC')) ?? false
