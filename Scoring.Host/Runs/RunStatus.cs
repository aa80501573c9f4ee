namespace Scoring.Host.Runs;

internal enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}
