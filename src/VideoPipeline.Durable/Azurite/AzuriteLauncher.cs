using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Azurite;

/// <summary>
/// Runs the npm <c>azurite</c> package pinned by the repository's package-lock.json for a local host: Blob, Queue and
/// Table on loopback ports the OS picks, data in <see cref="AzuriteOptions.DataDirectory"/>. One process owns a data
/// folder at a time (a lock file); an Azurite orphaned by a killed host is stopped before a new one starts on the
/// same folder, and Azurite is stopped with SIGTERM so it flushes its data files.
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    private const string ScriptRelativePath = "node_modules/azurite/dist/src/azurite.js";

    private readonly AzuriteOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _output = [];
    private Process? _process;
    private FileStream? _lock;
    private AzuriteEndpoints? _endpoints;

    public AzuriteLauncher(IOptions<AzuriteOptions> options, ILogger<AzuriteLauncher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? NullLogger<AzuriteLauncher>.Instance;
    }

    /// <summary>The Azurite process while it runs (for reports of its memory; it is a separate process).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts Azurite once and returns where it listens; later calls return the same endpoints.</summary>
    public async Task<AzuriteEndpoints> StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _endpoints ??= await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_process is not null)
            {
                await StopAsync(_process, _options.StopTimeout).ConfigureAwait(false);
                _process.Dispose();
                _process = null;
                TryDelete(PidFile);
            }

            _lock?.Dispose();
            _lock = null;
            _endpoints = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string PidFile => Path.Combine(_options.DataDirectory, "azurite.pid");

    private async Task<AzuriteEndpoints> LaunchAsync(CancellationToken cancellationToken)
    {
        var script = FindScript();
        if (!_options.InMemory)
        {
            TakeDataFolder();
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _options.InMemory ? Path.GetTempPath() : _options.DataDirectory,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in _options.InMemory ? ["--inMemoryPersistence", "--extentMemoryLimit", "512"] : new[] { "--location", _options.DataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        // The Storage SDKs speak newer service versions than Azurite knows (ARCHITECTURE.md, "Storage").
        foreach (var arg in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, endpoints, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, endpoints, ready);
        process.Exited += (_, _) => ready.TrySetException(new AzuriteUnavailableException($"Azurite exited during start-up:\n{Output()}"));

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new AzuriteUnavailableException(
                "Node.js (`node`) is needed to run Azurite and was not found on PATH: install Node.js 20 or newer, " +
                $"or set {DurableRuntimeOptions.SectionName}:StorageConnectionString to a storage account.", ex);
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!_options.InMemory)
        {
            File.WriteAllText(PidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            await ready.Task.WaitAsync(_options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new AzuriteUnavailableException(
                $"Azurite did not report its Blob, Queue and Table services listening within {_options.StartTimeout.TotalSeconds} s:\n{Output()}");
        }

        var result = new AzuriteEndpoints(endpoints["Blob"], endpoints["Queue"], endpoints["Table"]);
        Log.Started(_logger, result.Blob, _options.InMemory ? "(in memory)" : _options.DataDirectory);
        return result;
    }

    private string FindScript() =>
        string.IsNullOrWhiteSpace(_options.ScriptPath) ? LocateScript(Environment.CurrentDirectory, AppContext.BaseDirectory) : _options.ScriptPath;

    /// <summary>The pinned Azurite's entry script under <c>node_modules</c> in a folder at or above one of <paramref name="searchFrom"/>.</summary>
    public static string LocateScript(params string[] searchFrom)
    {
        ArgumentNullException.ThrowIfNull(searchFrom);
        foreach (var start in searchFrom.Distinct(StringComparer.Ordinal))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ScriptRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new AzuriteUnavailableException(
            $"Azurite is not installed: no {ScriptRelativePath} at or above {string.Join(" or ", searchFrom)}. Run `npm ci` in the repository " +
            $"(or `bash scripts/bootstrap.sh`), set {AzuriteOptions.SectionName}:ScriptPath, or set " +
            $"{DurableRuntimeOptions.SectionName}:StorageConnectionString to a storage account.");
    }

    /// <summary>Takes the data folder's lock and stops an Azurite that a killed host left running on it.</summary>
    private void TakeDataFolder()
    {
        Directory.CreateDirectory(_options.DataDirectory);
        try
        {
            _lock = new FileStream(Path.Combine(_options.DataDirectory, ".videopipeline.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new AzuriteUnavailableException(
                $"Another VideoPipeline process is using the Azurite data in {_options.DataDirectory}: stop it, or give this one its own " +
                $"{AzuriteOptions.SectionName}:DataDirectory.", ex);
        }

        if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsAzurite(pid))
        {
            using var orphan = Process.GetProcessById(pid);
            Log.StoppingOrphan(_logger, pid);
            orphan.Kill(entireProcessTree: true);
            orphan.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    private static bool IsAzurite(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Contains("azurite", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task StopAsync(Process process, TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        // SIGTERM lets Azurite flush its data files; Process.Kill would be SIGKILL.
        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (term is not null)
            {
                await term.WaitForExitAsync().ConfigureAwait(false);
            }

            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: fall through to a hard kill.
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A stale pid file is checked against the process before it is acted on.
        }
    }

    private void OnLine(string? line, Dictionary<string, Uri> endpoints, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                endpoints[match.Groups["service"].Value] = new Uri($"{match.Groups["url"].Value}/{AzuriteEndpoints.AccountName}");
                if (endpoints.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>http://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningLine();

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Azurite listening at {BlobEndpoint}, data in {DataDirectory}")]
        public static partial void Started(ILogger logger, Uri blobEndpoint, string dataDirectory);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Stopping Azurite process {Pid} left running on this data folder by an earlier host")]
        public static partial void StoppingOrphan(ILogger logger, int pid);
    }
}
