/** An ISO week id like "2026-W47" (year, then week 01–53). Kept apart from the snapshot schema so reading a week id loads no schema. */
export const weekIdPattern = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;
