/** Handlers in the order ask-sdk tries them. */
import type { RequestHandler } from "ask-sdk-core";
import { CancelHandler } from "./cancel.js";
import { CautionHandler } from "./caution.js";
import { DoseStatusHandler } from "./dose-status.js";
import { FallbackHandler } from "./fallback.js";
import { FaqHandler } from "./faq.js";
import { ForgetVoiceHandler } from "./forget-voice.js";
import { HelpHandler } from "./help.js";
import { identifyPersonHandler } from "./identify-person.js";
import { LaunchCautionNoHandler, LaunchHandler } from "./launch.js";
import { LinkBridgeHandler } from "./link-bridge.js";
import { LogRangeOfMotionHandler } from "./log-range-of-motion.js";
import { LogSpasmHandler } from "./log-spasm.js";
import { LogTendernessHandler } from "./log-tenderness.js";
import { NoHandler } from "./no.js";
import { NotLinkedHandler } from "./not-linked.js";
import { PermissionResponseHandler } from "./permission-response.js";
import { ProgressHandler } from "./progress.js";
import { ReadyHandler } from "./ready.js";
import { RedFlagHandler } from "./red-flag.js";
import { RoutineHandler } from "./routine.js";
import { SessionEndedHandler } from "./session-ended.js";
import { SkillDisabledHandler } from "./skill-disabled.js";
import { StartSessionHandler } from "./start-session.js";
import { StopSessionHandler } from "./stop-session.js";
import { TimeLeftHandler } from "./time-left.js";
import { UnlinkBridgeHandler } from "./unlink-bridge.js";
import { WorkoutDoneHandler } from "./workout-done.js";
import { YesHandler } from "./yes.js";

export { SkillErrorHandler } from "./error.js";

/** "Who is this?" answered: the request that asked carries on with the first other handler of the list that can take it. */
const IdentifyPersonHandler: RequestHandler = identifyPersonHandler(async (h) => {
  for (const handler of requestHandlers) if (handler !== IdentifyPersonHandler && (await handler.canHandle(h))) return handler;
});

export const requestHandlers: RequestHandler[] = [
  NotLinkedHandler,
  SkillDisabledHandler,
  LinkBridgeHandler,
  UnlinkBridgeHandler,
  LaunchHandler,
  LaunchCautionNoHandler,
  PermissionResponseHandler,
  RedFlagHandler,
  StartSessionHandler,
  StopSessionHandler,
  TimeLeftHandler,
  DoseStatusHandler,
  WorkoutDoneHandler,
  RoutineHandler,
  ReadyHandler,
  YesHandler,
  NoHandler,
  IdentifyPersonHandler,
  ForgetVoiceHandler,
  LogSpasmHandler,
  LogTendernessHandler,
  LogRangeOfMotionHandler,
  ProgressHandler,
  FaqHandler,
  CautionHandler,
  HelpHandler,
  CancelHandler,
  FallbackHandler,
  SessionEndedHandler,
];
