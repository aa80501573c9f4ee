using Hangfire.Client;

namespace Scoring.Host.Jobs;

/// <summary>
/// <c>Scheduler:PauseCalendarTriggers</c> on this host: a client filter, in this host's own filter provider, that cancels every
/// background job its recurring-job scheduler would create (they carry the <c>RecurringJobId</c> parameter). The recurring
/// jobs stay stored with their schedule; Hangfire moves their next execution on as usual, and a deadline passed while paused is
/// scored by the catch-up of the first host started without the pause. Jobs enqueued directly (runs, jobs a test enqueues)
/// are not touched.
/// </summary>
internal sealed class CalendarPause(ILogger<CalendarPause> logger) : IClientFilter
{
    public const string RecurringJobIdParameter = "RecurringJobId";

    public void OnCreating(CreatingContext context)
    {
        if (context.Parameters.TryGetValue(RecurringJobIdParameter, out var id))
        {
            logger.LogWarning("Scheduler:PauseCalendarTriggers: recurring job {RecurringJobId} not fired on this host.", id);
            context.Canceled = true;
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
