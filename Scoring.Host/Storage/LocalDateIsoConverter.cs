using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Storage;

/// <summary>Stores a <see cref="LocalDate"/> as ISO text ("2025-11-10"), readable in both databases.</summary>
internal sealed class LocalDateIsoConverter() : ValueConverter<LocalDate, string>(
    d => LocalDatePattern.Iso.Format(d), s => LocalDatePattern.Iso.Parse(s).Value);
