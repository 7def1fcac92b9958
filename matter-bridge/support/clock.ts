/** The bridge's clock is the one both sides share (common/clock.ts); its users import it from here. */
export { type Clock, systemClock, type TimeSource, within, withSystemTimers } from "../../common/clock.js";
