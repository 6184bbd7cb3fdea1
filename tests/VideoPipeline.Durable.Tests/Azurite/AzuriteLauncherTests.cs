using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Azurite;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Durable.Tests.Azurite;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AzuriteLauncherTests : IDisposable
{
    private static readonly string Script = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
    private readonly TempDirectory _data = new("vp-azurite-data");

    [Fact]
    public async Task Data_written_before_a_graceful_stop_is_there_after_a_restart_on_the_same_folder()
    {
        var table = $"t{Guid.NewGuid():N}";
        await using (var first = Launcher())
        {
            var endpoints = await first.StartAsync();
            await new TableClient(endpoints.ConnectionString, table).CreateIfNotExistsAsync();
            await new TableClient(endpoints.ConnectionString, table).AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "kept" });
        }

        await using var second = Launcher();
        var again = await second.StartAsync();

        var entity = await new TableClient(again.ConnectionString, table).GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal("kept", entity.Value["Value"]);
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_is_refused_with_a_message_naming_the_folder()
    {
        await using var first = Launcher();
        await first.StartAsync();
        await using var second = Launcher();

        var refused = await Assert.ThrowsAsync<AzuriteUnavailableException>(() => second.StartAsync());

        Assert.Contains(_data.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Azurite:DataDirectory", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Azurite_left_running_by_a_killed_host_is_stopped_before_a_new_one_starts()
    {
        // What a SIGKILLed host leaves behind: its Azurite still running on the folder, its pid on record, no lock held.
        var orphan = Process.Start(new ProcessStartInfo("node") { ArgumentList = { Script, "--location", _data.Path, "--silent", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0" }, RedirectStandardOutput = true })!;
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "azurite.pid"), orphan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var launcher = Launcher();
        await launcher.StartAsync();

        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the orphaned Azurite was not stopped");
        Assert.NotEqual(orphan.Id, launcher.ProcessId);
    }

    [Fact]
    public void A_missing_npm_install_is_reported_with_the_command_that_fixes_it()
    {
        var missing = Assert.Throws<AzuriteUnavailableException>(() => AzuriteLauncher.LocateScript(_data.Path));

        Assert.Contains("npm ci", missing.Message, StringComparison.Ordinal);
        Assert.Contains(_data.Path, missing.Message, StringComparison.Ordinal);
        Assert.Contains("Durable:StorageConnectionString", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_Azurite_is_found_above_a_folder_inside_the_repository() =>
        Assert.Equal(Script, AzuriteLauncher.LocateScript(RepositoryPaths.Combine("src", "VideoPipeline.Durable")));

    public void Dispose() => _data.Dispose();

    private AzuriteLauncher Launcher() => new(Options.Create(new AzuriteOptions { DataDirectory = _data.Path, ScriptPath = Script }));
}
