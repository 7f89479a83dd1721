/**
 * The one error-code table: code → HTTP status → Chinese message for people.
 * Codes are `<AREA>_<REASON>`; every code the server can answer with is listed here.
 */
export const errorTable = {
  // common
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查后重试' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  UPSTREAM_UNAVAILABLE: { status: 503, message: '外部服务暂时不可用，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '系统繁忙，请稍后再试' },

  // auth
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录状态无效，请重新登录' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_SESSION_REVOKED: { status: 401, message: '您已退出登录，请重新登录' },
  AUTH_FORBIDDEN: { status: 403, message: '您没有权限执行此操作' },
  AUTH_LOGIN_CODE_INVALID: { status: 400, message: '登录凭证无效或已过期，请重新登录' },
  AUTH_LOGIN_CODE_USED: { status: 400, message: '登录凭证已使用，请重新登录' },
  AUTH_LOGIN_BLOCKED: { status: 403, message: '微信判定本次登录存在风险，已拦截' },
  AUTH_PHONE_CODE_INVALID: { status: 400, message: '手机号授权已失效，请重新点击授权' },
  AUTH_BIND_TICKET_INVALID: { status: 400, message: '绑定已超时，请重新登录' },
  AUTH_PERSON_NOT_FOUND: { status: 404, message: '通讯录中未找到您的信息，请联系管理员' },
  AUTH_PERSON_DISABLED: { status: 403, message: '您的账号已停用，请联系管理员' },
  AUTH_SMS_CODE_INVALID: { status: 400, message: '短信验证码错误或已过期' },
  AUTH_SMS_CODE_LOCKED: { status: 429, message: '验证码错误次数过多，请重新获取' },
  AUTH_SMS_COOLDOWN: { status: 429, message: '验证码发送太频繁，请稍后再试' },
  AUTH_SMS_SEND_FAILED: { status: 502, message: '短信发送失败，请稍后再试' },
  AUTH_REFRESH_INVALID: { status: 401, message: '登录已失效，请重新登录' },

  // directory
  DIRECTORY_PERSON_NOT_FOUND: { status: 404, message: '人员不存在' },
  DIRECTORY_DEPARTMENT_NOT_FOUND: { status: 404, message: '部门不存在' },
  DIRECTORY_GATE_NOT_FOUND: { status: 404, message: '门岗不存在' },
  DIRECTORY_IMPORT_INVALID: { status: 422, message: '导入文件有错误，未导入任何数据' },
  DIRECTORY_IMPORT_HEADER_INVALID: { status: 422, message: '导入文件表头不正确' },
  DIRECTORY_LAST_ADMIN: { status: 409, message: '至少需要保留一名管理员' },

  // notifications
  NOTIFICATIONS_NOT_FOUND: { status: 404, message: '消息不存在' },
  NOTIFICATIONS_NOT_DEAD: { status: 409, message: '该消息不在失败列表中' },
  NOTIFICATIONS_UNKNOWN_TEMPLATE: { status: 400, message: '未知的订阅消息模板' },
  /** A programming error caught before anything is sent: the business change is refused whole. */
  NOTIFICATIONS_INVALID_PARAMS: { status: 500, message: '通知内容不完整，操作未执行' },

  // gate devices and visitors
  GATE_DEVICE_UNKNOWN: { status: 401, message: '未登记的门禁设备' },
  GATE_SIGNATURE_INVALID: { status: 401, message: '设备签名无效' },
  GATE_SIGNATURE_STALE: { status: 401, message: '设备时间与服务器相差过大' },
  GATE_SIGNATURE_REPLAYED: { status: 401, message: '重复的设备请求' },
  VISITORS_NOT_YOUR_GATE: { status: 403, message: '您不负责该门岗' },
  VISITORS_VISIT_NOT_FOUND: { status: 404, message: '来访记录不存在' },
  VISITORS_LINK_INVALID: { status: 404, message: '链接无效或已失效' },
  VISITORS_BOOKING_CLOSED: { status: 404, message: '该预约码无效或已停用' },
  VISITORS_HOST_DAILY_CAP: { status: 409, message: '被访人当天的来访预约已满，请改约其他日期' },
  VISITORS_HOST_NOT_FOUND: { status: 404, message: '被访人不存在或已停用' },
  VISITORS_WINDOW_INVALID: { status: 400, message: '来访时间不正确：结束须晚于开始，且不能早于现在' },
  VISITORS_ID_NUMBER_REQUIRED: { status: 400, message: '所选区域要求登记身份证号' },
  VISITORS_PRIVACY_REQUIRED: { status: 400, message: '请先阅读并同意个人信息告知' },
  VISITORS_BLOCKED: { status: 403, message: '该访客在禁止来访名单中，无法登记' },
  VISITORS_NOT_AWAITING_YOU: { status: 403, message: '该申请当前不需要您审批' },
  VISITORS_STATE_CONFLICT: { status: 409, message: '来访状态已变化，请刷新后重试' },
  VISITORS_REQUEST_EXPIRED: { status: 409, message: '该申请已过期，无法审批' },
  VISITORS_NOT_YOUR_VISIT: { status: 403, message: '只能查看和处理您自己的访客' },
  VISITORS_PROFILE_INCOMPLETE: { status: 409, message: '请先完善来访信息' },
  VISITORS_PASS_NOT_ACTIVE: { status: 409, message: '通行证当前不可用' },
  VISITORS_PASS_EXPIRED: { status: 409, message: '通行证已过期' },
  VISITORS_BLOCK_ENTRY_NOT_FOUND: { status: 404, message: '禁止来访记录不存在' },
  VISITORS_BLOCK_ENTRY_EMPTY: { status: 400, message: '请至少填写手机号、身份证号或姓名之一' },
  GUEST_SMS_CODE_INVALID: { status: 400, message: '短信验证码错误或已过期' },
  GUEST_SMS_CODE_LOCKED: { status: 429, message: '验证码错误次数过多，请重新获取' },
  GUEST_SMS_COOLDOWN: { status: 429, message: '验证码发送太频繁，请稍后再试' },
  GUEST_TOKEN_INVALID: { status: 401, message: '验证已失效，请重新获取短信验证码' },

  // meeting rooms
  MEETING_ROOMS_NOT_FOUND: { status: 404, message: '会议室不存在' },
  MEETING_ROOMS_BUILDING_NOT_FOUND: { status: 404, message: '楼宇不存在' },
  MEETING_ROOMS_FLOOR_INVALID: { status: 400, message: '该楼没有这一层' },
  MEETING_ROOMS_CODE_TAKEN: { status: 409, message: '该楼已有相同房间号的房间' },
  MEETING_ROOMS_CLOSURE_NOT_FOUND: { status: 404, message: '停用记录不存在' },
  MEETING_ROOMS_CLOSURE_CONFLICT: { status: 409, message: '该时段已有预订，请先与预订人协调取消' },
  MEETING_ROOMS_BOOKING_NOT_FOUND: { status: 404, message: '预订不存在' },
  MEETING_ROOMS_NOT_YOUR_BOOKING: { status: 403, message: '只能查看和处理您自己的预订' },
  MEETING_ROOMS_NOT_CANCELLABLE: { status: 409, message: '该预订已取消或已结束' },
  MEETING_ROOMS_TIME_INVALID: { status: 400, message: '结束时间须晚于开始时间' },
  MEETING_ROOMS_OUTSIDE_OPEN_HOURS: { status: 400, message: '不在会议室开放时间内' },
  MEETING_ROOMS_TOO_LONG: { status: 400, message: '超过该会议室单次可预订的时长' },
  MEETING_ROOMS_TOO_FAR_AHEAD: { status: 400, message: '超出该会议室可提前预订的天数' },
  MEETING_ROOMS_TOO_LATE: { status: 400, message: '距开始时间太近，请至少提前预订' },
  MEETING_ROOMS_ROOM_CLOSED: { status: 409, message: '会议室在该时段停用' },
  MEETING_ROOMS_SLOT_TAKEN: { status: 409, message: '该时段已被预订，请换个时间或会议室' },
  MEETING_ROOMS_ATTENDEE_NOT_FOUND: { status: 404, message: '参会人不存在或已停用' },
  MEETING_ROOMS_NOT_YOUR_APPROVAL: { status: 403, message: '该预订不需要您审批' },
  MEETING_ROOMS_NOT_PENDING: { status: 409, message: '该预订已审批或已取消' },
  MEETING_ROOMS_APPROVAL_EXPIRED: { status: 409, message: '审批已超时，该时段已释放' },
  MEETING_ROOMS_NOT_CHECKABLE: { status: 409, message: '该预订当前不能签到' },
  MEETING_ROOMS_CHECK_IN_TOO_EARLY: { status: 409, message: '还未到签到时间' },
  MEETING_ROOMS_CHECK_IN_TOO_LATE: { status: 409, message: '已过签到时间，预订已释放' },
  MEETING_ROOMS_NO_CURRENT_BOOKING: { status: 404, message: '您在该会议室当前没有可签到的预订' },
  MEETING_ROOMS_NOT_IN_PROGRESS: { status: 409, message: '会议未在进行中（须已签到且未结束）' },
  MEETING_ROOMS_NOT_EXTENDABLE: { status: 409, message: '只有已确认且尚未结束的预订可以延长' },
  MEETING_ROOMS_SERIES_NOT_FOUND: { status: 404, message: '周期预订不存在' },
  MEETING_ROOMS_SERIES_TOO_MANY: { status: 400, message: '周期预订次数过多' },
  MEETING_ROOMS_SERIES_EMPTY: { status: 400, message: '按该规则没有任何一次会议' },
  MEETING_ROOMS_SERIES_NONE_FREE: { status: 409, message: '周期内每一次都与已有预订或停用冲突' },
  MEETING_ROOMS_SERVICE_TASK_NOT_FOUND: { status: 404, message: '服务任务不存在' },
  MEETING_ROOMS_SERVICE_TASK_STATE: { status: 409, message: '该服务任务已被接单、已完成或已取消' },
  MEETING_ROOMS_NOT_YOUR_SERVICE_TASK: { status: 403, message: '只能完成您自己接单的服务任务' },
  MEETING_ROOMS_STATS_RANGE_TOO_LONG: { status: 400, message: '统计区间最长 92 天' },
  MEETING_ROOMS_NOT_MOVABLE: { status: 409, message: '只能改期尚未开始的有效预订' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorTable, code);
}

/** Errors every authenticated route can answer with; routes list only their own on top. */
export const commonErrorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
] as const satisfies readonly ErrorCode[];

export const authErrorCodes = [
  'AUTH_REQUIRED',
  'AUTH_TOKEN_INVALID',
  'AUTH_TOKEN_EXPIRED',
  'AUTH_SESSION_REVOKED',
  'AUTH_FORBIDDEN',
] as const satisfies readonly ErrorCode[];

/** Errors every guest route can answer with. */
export const guestErrorCodes = [
  'AUTH_REQUIRED',
  'GUEST_TOKEN_INVALID',
] as const satisfies readonly ErrorCode[];
