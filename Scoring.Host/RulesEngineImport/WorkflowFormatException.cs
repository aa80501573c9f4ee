namespace Scoring.Host.RulesEngineImport;

/// <summary>A file that is not a RulesEngine workflow JSON at all (the message says where and why).</summary>
internal sealed class WorkflowFormatException(string message) : Exception(message);
