namespace Scoring.Host.Domain;

internal enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}
