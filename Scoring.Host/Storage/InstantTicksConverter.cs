using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Scoring.Host.Storage;

/// <summary>Stores an <see cref="Instant"/> as Unix ticks (100 ns): sortable and lossless on both providers.</summary>
internal sealed class InstantTicksConverter() : ValueConverter<Instant, long>(
    i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));
