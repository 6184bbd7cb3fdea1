using System.Diagnostics;
namespace VideoPipeline.TestSupport.Durable;

/// <summary>
/// The kill host as a child process: started on a task hub, killed with SIGKILL, started again. The project that uses it
/// references tests/VideoPipeline.Durable.KillHost with ReferenceOutputAssembly="false" so it is built first.
/// </summary>
public sealed class KillHostProcess : IDisposable
{
    private readonly Process _process;

    private KillHostProcess(Process process) => _process = process;

    public static async Task<KillHostProcess> StartAsync(IEnumerable<string> settings, TimeSpan timeout)
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepositoryPaths.Combine("tests", "VideoPipeline.Durable.KillHost", "bin", config, "net10.0", "VideoPipeline.Durable.KillHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == KillHostProtocol.Ready)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"the kill host exited: {string.Join('\n', errors)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(timeout);
        return new KillHostProcess(process);
    }

    /// <summary>
    /// Waits until every instance has recorded its first step and waits for <see cref="KillHostProtocol.Go"/>: the custom
    /// status is written in the same commit as the step's result, so a kill after this must not re-run that step.
    /// </summary>
    public static async Task WaitUntilWaitingAsync(Microsoft.DurableTask.Client.DurableTaskClient client, IEnumerable<string> ids, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            await Eventually.ValueAsync(
                () => client.GetInstanceAsync(id, getInputsAndOutputs: true),
                m => m?.ReadCustomStatusAs<string>() == KillHostProtocol.WaitingStatus,
                $"{id} waiting for go",
                timeout);
        }
    }

    /// <summary>SIGKILL: no graceful stop, no flush, exactly what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C sends: returns the exit code, or null if it did not exit in time.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
