/** What each kind of dated event is called, wherever one is shown: KC.EVENTS and the pane's timeline. */
import type { Event } from "./schema";

export const EVENT_KIND_LABEL: Readonly<Record<Event["kind"], string>> = {
  corporate: "Corporate event",
  earnings_call: "Earnings call",
  earnings_release: "Earnings release",
  filing: "Filing",
  listing: "Listing",
  next_earnings: "Next earnings",
  analysis: "Analysis",
};
