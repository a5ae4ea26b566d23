// Opening hours are facts about Brussels local time. The opening_hours library works
// in the process' local time zone, so every entry point imports this module first.
export const TIME_ZONE = 'Europe/Brussels';
process.env.TZ = TIME_ZONE;
