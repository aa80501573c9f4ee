using NodaTime;

namespace Scoring.Host.Units;

/// <summary>A scored unit (đơn vị) with its validity and, after a merger, its successor.</summary>
internal sealed class Unit
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public LocalDate? ValidFrom { get; set; }

    public LocalDate? ValidTo { get; set; }

    public string? SuccessorCode { get; set; }
}
