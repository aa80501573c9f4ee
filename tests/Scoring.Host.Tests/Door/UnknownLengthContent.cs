using System.Net;

namespace Scoring.Host.Tests.Door;

/// <summary>A body sent without Content-Length (chunked), so the service learns its size only by reading it.</summary>
internal sealed class UnknownLengthContent(byte[] bytes, string contentType) : HttpContent
{
    public UnknownLengthContent Typed()
    {
        Headers.TryAddWithoutValidation("Content-Type", contentType);
        return this;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
