using NodaTime;

namespace Scoring.Host.Units;

/// <summary>
/// The rules between a unit's validity and its successor, checked on every single-unit write (API and console alike): the
/// validity does not end before it starts; a unit with a successor has an end date; the successor is valid on the day after
/// that end (it exists by then and has not ended); no chain of successors comes back to the unit; and the units this one
/// succeeds still find it valid on the day after each of them ends. A refusal names the body field it concerns.
/// </summary>
internal static class UnitSuccession
{
    /// <param name="successor">The stored successor the body names (already known to exist), or null.</param>
    /// <param name="predecessors">The stored units whose successor is this unit.</param>
    /// <param name="successorOf">The stored successor of a unit code, for following a chain.</param>
    public static (string Field, string Message)? Problem(string code, LocalDate? from, LocalDate? to, Unit? successor,
        IEnumerable<Unit> predecessors, Func<string, string?> successorOf)
    {
        if (from is { } start && to is { } end && end < start)
        {
            return ("validTo", $"Ngày hết hiệu lực {Iso(end)} trước ngày bắt đầu hiệu lực {Iso(start)}; hãy sửa một trong hai ngày.");
        }

        if (successor is not null)
        {
            if (to is not { } ended)
            {
                return ("validTo", $"Đơn vị '{code}' có đơn vị kế thừa '{successor.Code}' nên phải có ngày hết hiệu lực (validTo): ngày cuối cùng trước khi '{successor.Code}' tiếp nhận.");
            }

            var handover = ended.PlusDays(1);
            if (successor.ValidFrom is { } successorFrom && successorFrom > handover)
            {
                return ("successor", $"Đơn vị kế thừa '{successor.Code}' chỉ có hiệu lực từ {Iso(successorFrom)}, muộn hơn ngày {Iso(handover)} sau khi '{code}' hết hiệu lực; "
                    + "hãy chọn đơn vị có hiệu lực từ ngày đó, hoặc sửa ngày hết hiệu lực.");
            }

            if (successor.ValidTo is { } successorTo && successorTo < handover)
            {
                return ("successor", $"Đơn vị kế thừa '{successor.Code}' đã hết hiệu lực ngày {Iso(successorTo)}, trước ngày {Iso(handover)} '{code}' chuyển sang; "
                    + "hãy chọn đơn vị còn hiệu lực (hoặc đơn vị kế thừa của nó).");
            }

            var seen = new List<string> { code };
            for (var next = successor.Code; next is not null; next = successorOf(next))
            {
                if (next == code)
                {
                    seen.Add(next);
                    return ("successor", $"Chuỗi đơn vị kế thừa quay vòng ({string.Join(" → ", seen)}); một đơn vị không thể kế thừa đơn vị kế thừa của chính nó.");
                }

                if (seen.Contains(next))
                {
                    break;
                }

                seen.Add(next);
            }
        }

        foreach (var predecessor in predecessors.Where(p => p.Code != code && p.ValidTo is not null).OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var handover = predecessor.ValidTo!.Value.PlusDays(1);
            if (from is { } start2 && start2 > handover)
            {
                return ("validFrom", $"'{code}' kế thừa '{predecessor.Code}' từ ngày {Iso(handover)}, nên phải có hiệu lực từ ngày đó trở về trước (không muộn hơn {Iso(handover)}).");
            }

            if (to is { } end2 && end2 < handover)
            {
                return ("validTo", $"'{code}' kế thừa '{predecessor.Code}' từ ngày {Iso(handover)}, nên không thể hết hiệu lực trước ngày đó ({Iso(end2)}).");
            }
        }

        return null;
    }

    private static string Iso(LocalDate date) => Display.Date(date);
}
