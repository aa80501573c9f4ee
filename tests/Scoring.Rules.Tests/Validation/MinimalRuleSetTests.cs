using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests.Validation;

public sealed class MinimalRuleSetTests
{
    [Test]
    public void Minimal_LoadsWithoutDiagnostics()
    {
        var result = RuleSetText.Load(RuleSetText.Minimal);

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Document!.Identity.Id, Is.EqualTo("t.minimal"));
    }

    [Test]
    public void ReindentedMinimal_LoadsWithoutDiagnostics()
    {
        var result = RuleSetText.Load(RuleSetText.Edit(_ => { }));

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Validate_WithoutSourceMap_GivesZeroPositions()
    {
        var document = RuleSetText.Load(RuleSetText.Minimal).Document!;
        var broken = document.RuleSet with { UnitKinds = [] };

        var diagnostics = RuleSetValidator.Validate(broken, "x.json");

        Assert.That(diagnostics, Has.Length.EqualTo(1));
        Assert.That(diagnostics[0].Code, Is.EqualTo(DiagnosticCodes.UnitKindsEmpty));
        Assert.That((diagnostics[0].Line, diagnostics[0].Column), Is.EqualTo((0, 0)));
        Assert.That(diagnostics[0].JsonPath, Is.EqualTo("$.unitKinds"));
    }
}
