/** The HTTP contract shared by the server's routes, the app and the tests (issue 16, item 6). */

export * from './communityAnswers'
export * from './communityLimits'
export * from './communitySchemas'
export * from './limits'
export * from './links'
export * from './schemas'
export * from './sessionSchemas'
