using System.Diagnostics;
using System.Globalization;

namespace VideoPipeline.TestSupport;

/// <summary>
/// A built .NET program of this repository run as a child process (<c>dotnet X.dll args</c>): its output lines kept,
/// waited on for a line, killed with SIGKILL as a crash would, stopped with SIGTERM as Ctrl+C would.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output => Snapshot(_output);

    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>The dll of a project built in the configuration the tests run in (<c>{projectFolder}/bin/{Release or Debug}/net10.0/{dllName}</c>).</summary>
    public static string BuiltDll(string projectFolder, string dllName)
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return RepositoryPaths.Combine(projectFolder, "bin", config, "net10.0", dllName);
    }

    /// <param name="environment">Variables added to (a null value: removed from) the test process's own environment.</param>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built: build the test project, which builds it first", dll);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, e) => child.Received(e.Data, child._output);
        child._process.ErrorDataReceived += (_, e) => child.Received(e.Data, child._errors);
        child._process.Exited += (_, _) => child.FailWaiters();
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a standard output line matching <paramref name="match"/> (one already printed counts); fails if the process exits first.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (Snapshot(_output).Any(match))
            {
                return;
            }

            _waiters.Add((match, seen));
        }

        if (_process.HasExited)
        {
            FailWaiters();
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the expected line did not appear within {timeout.TotalSeconds} s; output so far:\n{Describe()}");
        }
    }

    /// <summary>The live processes this one started (and theirs), read from /proc: what a SIGKILL of this one alone leaves orphaned.</summary>
    public IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([_process.Id]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var (pid, parent) in parents.Where(p => p.Value == next))
            {
                found.Add(pid);
                frontier.Enqueue(pid);
            }
        }

        return found;
    }

    /// <summary>Whether a process id is still alive (not gone, not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no graceful stop, no flush, exactly what a crash or an OOM kill does. Only this process unless <paramref name="entireTree"/>.</summary>
    public void Kill(bool entireTree = false)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireTree);
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C sends: returns the exit code, or null if it did not exit in time.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>The exit code, or null if the process did not exit in time.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
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

    /// <summary>Everything it printed so far, for a failure message.</summary>
    public string Describe() => $"stdout:\n{string.Join('\n', Output)}\nstderr:\n{string.Join('\n', Errors)}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill(entireTree: true);
        }

        _process.Dispose();
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    private void Received(string? line, List<string> lines)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (lines == _output)
        {
            lock (_waiters)
            {
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    waiter.Seen.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    private void FailWaiters()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Seen.TrySetException(new InvalidOperationException($"the process exited before the expected line:\n{Describe()}"));
            }

            _waiters.Clear();
        }
    }
}
