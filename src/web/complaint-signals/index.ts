export { SUGGESTED_CATEGORIES, type SuggestedCategory, suggestCategory } from "./categories.js";
export { type ComplaintReading, type ComplaintSignal, readComplaintSignals } from "./classify.js";
