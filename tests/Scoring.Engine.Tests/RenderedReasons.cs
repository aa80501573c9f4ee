using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Engine.Tests;

/// <summary>The reason a person reads for a criterion, as the one renderer writes it (tests assert the text).</summary>
internal static class RenderedReasons
{
    extension(CriterionScore score)
    {
        public string Reason => ExplanationRenderer.Reason(score);
    }
}
