namespace Scoring.Host.Errors;

/// <summary>
/// A configuration value the service cannot start with. The message is Vietnamese and names the key, the value and a
/// correct example; <c>Program</c> prints it as one line instead of a stack trace.
/// </summary>
internal sealed class SettingException(string message, Exception? inner = null) : InvalidOperationException(message, inner)
{
    /// <summary>The setting problem behind a start-up failure, however deep the host or DI wrapped it; null for other failures.</summary>
    public static SettingException? FindIn(Exception failure) => failure switch
    {
        SettingException setting => setting,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindIn).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => FindIn(inner),
        _ => null,
    };
}
