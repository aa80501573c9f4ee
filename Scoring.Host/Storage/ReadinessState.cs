namespace Scoring.Host.Storage;

/// <summary>Set once the schema is current and seeding is done; <c>/ready</c> answers 503 before.</summary>
internal sealed class ReadinessState
{
    private volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}
