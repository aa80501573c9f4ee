using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Host.Export;

/// <summary>
/// A unit's card as text (Vietnamese): group, rank, total, grade, award, then each section and criterion with
/// points/max, the values used and the reason; bonus and penalty last.
/// </summary>
internal static class UnitCardWriter
{
    public static void Write(ExportInput input, GroupResult group, UnitScore unit, TextWriter output)
    {
        var result = input.Result;
        output.WriteLine($"Phiếu chấm điểm năm {result.Year}: {unit.Code} – {unit.Name}");
        output.WriteLine($"Bộ tiêu chí: {input.RuleSet.Title} ({result.RuleSet.Id}@{result.RuleSet.Version}, SHA-256 {result.RuleSet.Sha256[..12]})");
        output.WriteLine($"{TableWriter.KindTitle(group.Kind)}: {group.Code} – {group.Name}");
        output.WriteLine($"Hạng: {Numbers.Rank(unit)} trên {group.Ranking.Length}{(unit.Tied ? " (đồng hạng)" : string.Empty)}");
        output.WriteLine($"Tổng điểm: {Numbers.Vn(unit.Total)} (các mục {Numbers.Vn(unit.BasePoints)} + thưởng {Numbers.Vn(unit.Bonus)} − trừ {Numbers.Vn(unit.Penalty)})");
        output.WriteLine($"Xếp loại: {unit.GradeTitle}");
        var proposal = result.Awards.FirstOrDefault(a => a.UnitCode == unit.Code);
        output.WriteLine(unit.Award is null
            ? "Đề nghị khen thưởng: không"
            : $"Đề nghị khen thưởng: {input.AwardTitle(unit.Award)}{(proposal?.TieAtCut == true ? " (đồng điểm tại ngưỡng, Hội đồng quyết định)" : string.Empty)}");
        if (proposal is not null && proposal.Reason.Length > 0)
        {
            output.WriteLine($"  Lý do đề nghị: {proposal.Reason}");
        }

        foreach (var section in unit.Sections)
        {
            output.WriteLine();
            output.WriteLine($"{section.Id}. {section.Title}: {Numbers.Vn(section.Points)}/{Numbers.Vn(section.MaxPoints)} điểm");
            WriteCriteria(section.Criteria, output);
        }

        if (unit.BonusCriteria.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Điểm thưởng: {Numbers.Vn(unit.Bonus)} (tối đa {Numbers.Vn(input.RuleSet.Bonus.Cap)})");
            WriteCriteria(unit.BonusCriteria, output);
        }

        if (unit.PenaltyCriteria.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Điểm trừ: {Numbers.Vn(unit.Penalty)} (tối đa {Numbers.Vn(input.RuleSet.Penalty.Cap)})");
            WriteCriteria(unit.PenaltyCriteria, output);
        }

        if (!unit.Notes.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Ghi chú:");
            foreach (var note in unit.Notes)
            {
                output.WriteLine($"  - {note}");
            }
        }
    }

    private static void WriteCriteria(IEnumerable<CriterionScore> criteria, TextWriter output)
    {
        foreach (var criterion in criteria)
        {
            output.WriteLine($"  {criterion.Id} {criterion.Title}: {Numbers.Vn(criterion.Points)}/{Numbers.Vn(criterion.MaxPoints)}");
            if (!criterion.Values.IsEmpty)
            {
                output.WriteLine($"      Số liệu: {string.Join("; ", criterion.Values.Select(v => $"{v.Title} = {ExplanationRenderer.Value(v)}"))}");
            }

            output.WriteLine($"      Lý do: {ExplanationRenderer.Reason(criterion)}");
        }
    }
}
