namespace VideoPipeline.TestSupport.Durable;

/// <summary>
/// The kill host as a child process: started on a task hub, killed with SIGKILL, started again. The project that uses it
/// references tests/VideoPipeline.Durable.KillHost with ReferenceOutputAssembly="false" so it is built first.
/// </summary>
public sealed class KillHostProcess : IDisposable
{
    private readonly ChildProcess _process;

    private KillHostProcess(ChildProcess process) => _process = process;

    public static async Task<KillHostProcess> StartAsync(IEnumerable<string> settings, TimeSpan timeout)
    {
        var process = ChildProcess.Start(ChildProcess.BuiltDll(Path.Combine("tests", "VideoPipeline.Durable.KillHost"), "VideoPipeline.Durable.KillHost.dll"), settings);
        try
        {
            await process.WaitForLineAsync(line => line == KillHostProtocol.Ready, timeout);
        }
        catch
        {
            process.Dispose();
            throw;
        }

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

    /// <summary>SIGKILL of the host and anything it started: no graceful stop, no flush, exactly what a crash or an OOM kill does.</summary>
    public void Kill() => _process.Kill(entireTree: true);

    /// <summary>SIGTERM, as a service manager or Ctrl+C sends: returns the exit code, or null if it did not exit in time.</summary>
    public Task<int?> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public void Dispose() => _process.Dispose();
}
