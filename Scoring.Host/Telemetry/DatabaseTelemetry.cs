using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scoring.Host.Telemetry;

/// <summary>
/// Metrics of every SQL command EF Core sends (the spans come from OpenTelemetry's EF Core instrumentation): how long
/// commands take and how many fail, by database and statement kind. EF Core's own meter only counts queries and saves,
/// without durations, on either provider.
/// </summary>
internal sealed class DatabaseTelemetry : DbCommandInterceptor
{
    public const string Name = "Scoring.Database";

    private readonly Histogram<double> duration;
    private readonly string system;

    public DatabaseTelemetry(IMeterFactory meters, DatabaseProvider provider)
    {
        system = provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite";
        duration = meters.Create(Name).CreateHistogram<double>(
            "scoring.db.command.duration", "s", "SQL commands sent by EF Core, by database, statement kind (operation) and outcome.");
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(command, eventData.Duration, "error");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, "error");
        return Task.CompletedTask;
    }

    private void Record(DbCommand command, TimeSpan elapsed, string outcome) =>
        duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("db.system", system),
            new KeyValuePair<string, object?>("db.operation", Operation(command.CommandText)),
            new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The statement's first keyword (SELECT, INSERT, …): a small, fixed set of label values, never the SQL itself.</summary>
    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(" \t\r\n(;");
        var word = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        return word is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "WITH" or "BEGIN" or "COMMIT" or "ROLLBACK" or "SAVEPOINT" or "RELEASE" or "PRAGMA" or "CREATE"
            ? word
            : "OTHER";
    }
}
