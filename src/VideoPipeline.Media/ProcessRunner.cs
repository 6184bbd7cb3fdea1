using System.Diagnostics;
using System.Text;

namespace VideoPipeline.Media;

/// <summary>
/// Runs a tool to completion with arguments passed as a list (never through a shell), a time limit,
/// and cancellation that kills the whole process tree so no ffmpeg outlives its caller.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Stderr beyond this is dropped from the front: ffmpeg's last lines say why it failed.</summary>
    public const int MaxCapturedErrorChars = 64 * 1024;

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken = default,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data, int.MaxValue);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, MaxCapturedErrorChars);

        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close(); // ffmpeg reads keys from stdin; give it none
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");
        }

        // The parameterless wait drains the redirected streams after exit.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), watch.Elapsed);
            }
        }
    }

    private static void Append(StringBuilder builder, string? line, int cap)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
            if (builder.Length > cap)
            {
                builder.Remove(0, builder.Length - cap);
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }
}
