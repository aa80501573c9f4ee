using System.Net;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// One endpoint of the host (HTTP method + route pattern as the host declares it) and the status each matrix role must get,
/// in the order of <see cref="EndpointMatrix.Roles"/>. <see cref="Arrange"/> prepares the request's own resources (route
/// values, body, query) before each case, so a case never depends on another having run.
/// </summary>
internal sealed record EndpointExpectation(string Method, string Route, HttpStatusCode[] Expected, Func<MatrixWorld, Task<MatrixRequest>>? Arrange = null)
{
    public string Key => $"{Method} {Route}";
}
