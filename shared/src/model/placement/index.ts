export * from './boardLayout'
export * from './geometry'
export * from './growZones'
export * from './zoneFlow'
