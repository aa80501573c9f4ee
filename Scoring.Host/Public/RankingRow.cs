namespace Scoring.Host.Public;

/// <summary>One line of a group's published ranking; <see cref="Tied"/> = the rank is shared ("2=").</summary>
internal sealed record RankingRow(int Rank, bool Tied, string Unit, string Name, decimal Total, string GradeTitle, string? AwardTitle)
{
    public string RankText => Tied ? $"{Rank}=" : Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
