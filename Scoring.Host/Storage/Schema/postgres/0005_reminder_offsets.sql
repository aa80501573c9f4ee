-- 0005: reminders at several offsets before the deadline (Reminders:DaysBefore, default 7, 3, 1 days).
-- The outbox key of a reminder gains its offset: reminder:{tenant}:{year}:{unit}:{offset}d. A reminder queued before this
-- version (one per unit and year, within the then-default 7 days) counts as the 7-day reminder, so it is not sent again;
-- the 3-day and 1-day reminders still follow.
UPDATE outbox_messages
SET dedup_key = dedup_key || ':7d'
WHERE kind = 'reminder'
  AND dedup_key LIKE 'reminder:%'
  AND LENGTH(dedup_key) - LENGTH(REPLACE(dedup_key, ':', '')) = 3;
