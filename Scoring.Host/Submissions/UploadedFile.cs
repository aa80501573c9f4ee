using Microsoft.AspNetCore.Http.HttpResults;

namespace Scoring.Host.Submissions;

/// <summary>Reads an upload: a multipart form field named <c>file</c>, or a raw body with the name in <c>?fileName=</c>.</summary>
internal static class UploadedFile
{
    /// <summary>The largest CSV/.xlsx a table import (units, groups, authoritative figures) accepts.</summary>
    public const long TableImportLimit = 20 * 1024 * 1024;

    /// <summary>The upload, or the problem to answer instead: 413 when over <paramref name="limit"/>, 400 (<paramref name="whenMissing"/>) when absent.</summary>
    public static async Task<((string Name, string ContentType, byte[] Content)? File, ProblemHttpResult? Problem)> ReadOrProblemAsync(
        HttpRequest request, long limit, string whenMissing, CancellationToken ct)
    {
        try
        {
            var file = await ReadAsync(request, limit, ct);
            if (file is { Name: var name } && name.Any(c => char.IsControl(c) || c == '"'))
            {
                return (null, Problems.BadRequest("Tên tệp không được chứa dấu ngoặc kép (\") hay ký tự xuống dòng; hãy đổi tên tệp rồi gửi lại."));
            }

            return file is null ? (null, Problems.BadRequest(whenMissing)) : (file, null);
        }
        catch (FileTooLargeException e)
        {
            return (null, Problems.TooLarge(e.Message));
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            // Also a form that ends before its closing boundary (the reader's IOException "Unexpected end of Stream").
            // A multipart body the form reader cannot parse (a broken boundary, a header with a line break in the file name).
            return (null, Problems.BadRequest("Không đọc được nội dung multipart/form-data gửi lên (phần đầu hoặc tên tệp không hợp lệ). "
                + "Hãy gửi lại tệp trong trường 'file' với tên tệp không có dấu ngoặc kép hay xuống dòng."));
        }
    }

    /// <summary>The file name without any folder, whether the client wrote it with / or with Windows' \\ ("C:\\Users\\a\\bao-cao.pdf").</summary>
    internal static string BaseName(string name) => Path.GetFileName(name.Replace('\\', '/'));

    public static async Task<(string Name, string ContentType, byte[] Content)?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return null;
            }

            if (file.Length > limit)
            {
                throw new FileTooLargeException(file.Length, limit);
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            return (BaseName(file.FileName), file.ContentType ?? "application/octet-stream", memory.ToArray());
        }

        var name = request.Query["fileName"].ToString();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > limit)
            {
                throw new FileTooLargeException(body.Length + read, limit);
            }

            body.Write(buffer, 0, read);
        }

        return (BaseName(name), request.ContentType ?? "application/octet-stream", body.ToArray());
    }
}
