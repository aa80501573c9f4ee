using Scoring.Rules.Model;

namespace Scoring.Host.AdminConsole;

/// <summary>The latest published version of one of a tenant's rule sets, with what the console shows of it: its phases and award forms.</summary>
internal sealed record TenantRuleSet(RuleSetVersion Version, RuleSet RuleSet);
