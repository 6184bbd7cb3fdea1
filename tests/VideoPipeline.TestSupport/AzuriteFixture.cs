using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace VideoPipeline.TestSupport;

/// <summary>
/// Runs the npm <c>azurite</c> package (pinned by package-lock.json) for a test run: Blob, Queue and
/// Table on loopback ports the OS picks, in-memory persistence, stopped when the run ends.
/// Use it as a collection fixture (<see cref="AzuriteCollection"/>): one emulator serves many tests,
/// each of which owns its data through random container, queue and table names.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known development account every Azurite instance serves; not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _workDir = new("vp-azurite");
    private readonly List<string> _output = [];
    private Process? _process;

    public Uri BlobEndpoint { get; private set; } = null!;

    public Uri QueueEndpoint { get; private set; } = null!;

    public Uri TableEndpoint { get; private set; } = null!;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>A name no other test uses: lowercase letters and digits, valid for containers, queues and (with a letter first) tables.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 32, 63)];

    public async Task InitializeAsync()
    {
        var script = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing): run `npm ci` in {RepositoryPaths.Root}, or `bash scripts/test.sh`, which does it.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script, "--inMemoryPersistence", "--disableTelemetry",
            // The Blob SDK speaks a newer service version than Azurite 3.37 knows (ARCHITECTURE.md, "Storage").
            "--skipApiVersionCheck",
            "--extentMemoryLimit", "512",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, endpoints, ready);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, endpoints, ready);
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited during start-up:\n{Output()}"));

        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js (`node`) is needed to run Azurite and was not found on PATH.", ex);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Azurite did not report all three services listening within {StartTimeout.TotalSeconds} s:\n{Output()}");
        }

        BlobEndpoint = endpoints["Blob"];
        QueueEndpoint = endpoints["Queue"];
        TableEndpoint = endpoints["Table"];
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _workDir.Dispose();
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
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                endpoints[match.Groups["service"].Value] = new Uri($"{match.Groups["url"].Value}/{AccountName}");
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
}
