using Azure.Data.Tables;
using VideoPipeline.Domain.Storage;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TableTaskRegistryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private (TableTaskRegistry Registry, TableServiceClient Service, string Table) NewRegistry()
    {
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TaskTable = AzuriteFixture.UniqueName("t") };
        var service = StorageClients.CreateTableServiceClient(options);
        return (new TableTaskRegistry(service.GetTableClient(options.TaskTable)), service, options.TaskTable);
    }

    private static TaskRegistration Registration(string providerId = "runway", string taskId = "task-1", string instanceId = "job-1:s00:c1") =>
        new(providerId, taskId, instanceId, "job-1", 0, "c1", "tok-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_recorded_task_is_found_by_provider_and_task_id_with_every_field()
    {
        var (registry, service, table) = NewRegistry();
        var registration = Registration() with { ShotIndex = 7, CandidateId = "c3" };

        await registry.RecordTaskAsync(registration, None);

        Assert.Equal(registration, await registry.FindByTaskAsync("runway", "task-1", None));
        Assert.Single(service.Query(t => t.Name == table));
    }

    [Fact]
    public async Task An_unknown_task_or_token_is_not_found()
    {
        var (registry, _, _) = NewRegistry();
        await registry.RecordTaskAsync(Registration(), None);

        Assert.Null(await registry.FindByTaskAsync("runway", "task-2", None));
        Assert.Null(await registry.FindByTaskAsync("luma", "task-1", None));
        Assert.Null(await registry.FindInstanceByTokenAsync("never-registered", None));
    }

    [Fact]
    public async Task Recording_the_same_registration_again_is_fine()
    {
        var (registry, _, _) = NewRegistry();
        var registration = Registration();

        await registry.RecordTaskAsync(registration, None);
        await registry.RecordTaskAsync(registration with { }, None);

        Assert.Equal(registration, await registry.FindByTaskAsync("runway", "task-1", None));
    }

    [Fact]
    public async Task The_same_provider_task_for_another_instance_is_refused_naming_both_and_the_first_stays()
    {
        var (registry, _, _) = NewRegistry();
        var first = Registration(instanceId: "job-1:s00:c1");
        await registry.RecordTaskAsync(first, None);

        var ex = await Assert.ThrowsAsync<TaskRegistrationConflictException>(
            () => registry.RecordTaskAsync(Registration(instanceId: "job-2:s01:c4"), None));

        Assert.Equal("provider task runway/task-1 is already registered for instance 'job-1:s00:c1'; refused registering it for instance 'job-2:s01:c4'", ex.Message);
        Assert.Equal(("job-1:s00:c1", "job-2:s01:c4"), (ex.ExistingInstanceId, ex.RefusedInstanceId));
        Assert.Equal(first, await registry.FindByTaskAsync("runway", "task-1", None));
    }

    [Fact]
    public async Task The_same_provider_task_with_other_details_for_the_same_instance_is_refused_too()
    {
        var (registry, _, _) = NewRegistry();
        var first = Registration();
        await registry.RecordTaskAsync(first, None);

        var ex = await Assert.ThrowsAsync<TaskRegistrationConflictException>(
            () => registry.RecordTaskAsync(first with { CandidateId = "c2" }, None));

        Assert.StartsWith("provider task runway/task-1 (with other job, shot, candidate or token details) is already registered", ex.Message, StringComparison.Ordinal);
        Assert.Equal(first, await registry.FindByTaskAsync("runway", "task-1", None));
    }

    [Fact]
    public async Task The_same_task_id_at_two_providers_is_two_tasks()
    {
        var (registry, _, _) = NewRegistry();
        var runway = Registration("runway", "42", "job-1:s00:c1");
        var luma = Registration("luma", "42", "job-1:s00:c2");

        await registry.RecordTaskAsync(runway, None);
        await registry.RecordTaskAsync(luma, None);

        Assert.Equal(runway, await registry.FindByTaskAsync("runway", "42", None));
        Assert.Equal(luma, await registry.FindByTaskAsync("luma", "42", None));
    }

    [Theory]
    [InlineData("fal/ai", "models/veo3/requests/9f2c")]
    [InlineData("back\\slash", "a\\b")]
    [InlineData("hash#", "#1")]
    [InlineData("query?", "q?x=1&y=2")]
    [InlineData("percent%", "100%")]
    [InlineData("controls", "tab\there\nnew\u007Fdel\u0085nel")]
    [InlineData("quotes", "it's \"quoted\"")]
    [InlineData("unicode", "tâche-日本-🎬")]
    public async Task Ids_with_characters_Table_Storage_forbids_in_keys_round_trip(string providerId, string taskId)
    {
        var (registry, _, _) = NewRegistry();
        var registration = Registration(providerId, taskId);

        await registry.RecordTaskAsync(registration, None);
        await registry.RecordTaskAsync(registration, None);

        Assert.Equal(registration, await registry.FindByTaskAsync(providerId, taskId, None));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a#b", "a%23b")]
    [InlineData("%", "%25")]
    public async Task An_id_and_its_escaped_spelling_stay_two_tasks(string taskId, string lookalike)
    {
        var (registry, _, _) = NewRegistry();
        var original = Registration(taskId: taskId, instanceId: "job-1:s00:c1");
        var other = Registration(taskId: lookalike, instanceId: "job-1:s00:c2");

        await registry.RecordTaskAsync(original, None);
        await registry.RecordTaskAsync(other, None);

        Assert.Equal(original, await registry.FindByTaskAsync("runway", taskId, None));
        Assert.Equal(other, await registry.FindByTaskAsync("runway", lookalike, None));
    }

    [Fact]
    public async Task A_registered_token_routes_to_its_instance_and_registering_it_again_is_fine()
    {
        var (registry, _, _) = NewRegistry();
        var token = "tok/" + Guid.NewGuid().ToString("N") + "?#";

        await registry.RegisterTokenAsync(token, "job-1:s00:c1", None);
        await registry.RegisterTokenAsync(token, "job-1:s00:c1", None);

        Assert.Equal("job-1:s00:c1", await registry.FindInstanceByTokenAsync(token, None));
    }

    [Fact]
    public async Task Only_the_first_registration_of_a_token_claims_it()
    {
        var (registry, _, _) = NewRegistry();
        var token = Guid.NewGuid().ToString("N");

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => registry.RegisterTokenAsync(token, "job-1:s00:c1", None)));

        Assert.Equal(1, claims.Count(c => c));
    }

    [Fact]
    public async Task A_recorded_task_is_found_by_its_callback_token_and_an_unrecorded_token_finds_nothing()
    {
        var (registry, service, table) = NewRegistry();
        var registration = Registration(taskId: "a/b#1");
        await registry.RegisterTokenAsync(registration.CallbackToken, registration.InstanceId, None);
        Assert.Null(await registry.FindByTokenAsync(registration.CallbackToken, None));

        await registry.RecordTaskAsync(registration, None);
        await registry.RecordTaskAsync(registration, None);

        Assert.Equal(registration, await registry.FindByTokenAsync(registration.CallbackToken, None));
        Assert.Null(await registry.FindByTokenAsync("never-registered", None));
        var tokenRows = service.GetTableClient(table).Query<TableEntity>(r => r.PartitionKey.CompareTo("token_") >= 0).ToList();
        Assert.All(tokenRows, row => Assert.DoesNotContain(registration.CallbackToken, string.Join(',', row.Select(p => p.Value)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_token_recorded_for_a_second_task_is_refused_and_keeps_the_first()
    {
        var (registry, _, _) = NewRegistry();
        var first = Registration(taskId: "task-1");
        await registry.RecordTaskAsync(first, None);

        await Assert.ThrowsAsync<TaskRegistrationConflictException>(() => registry.RecordTaskAsync(first with { TaskId = "task-2" }, None));

        Assert.Equal(first, await registry.FindByTokenAsync(first.CallbackToken, None));
    }

    [Fact]
    public async Task A_token_registered_for_another_instance_is_refused_without_the_token_in_the_message()
    {
        var (registry, _, _) = NewRegistry();
        var token = Guid.NewGuid().ToString("N");
        await registry.RegisterTokenAsync(token, "job-1:s00:c1", None);

        var ex = await Assert.ThrowsAsync<TaskRegistrationConflictException>(() => registry.RegisterTokenAsync(token, "job-9:s00:c1", None));

        Assert.Equal("a callback token is already registered for instance 'job-1:s00:c1'; refused registering it for instance 'job-9:s00:c1'", ex.Message);
        Assert.DoesNotContain(token, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal("job-1:s00:c1", await registry.FindInstanceByTokenAsync(token, None));
    }

    [Fact]
    public async Task The_token_itself_is_not_stored_in_the_table()
    {
        var (registry, service, table) = NewRegistry();
        var token = "secret" + Guid.NewGuid().ToString("N");

        await registry.RegisterTokenAsync(token, "job-1:s00:c1", None);

        var rows = service.GetTableClient(table).Query<TableEntity>().ToList();
        var row = Assert.Single(rows);
        Assert.DoesNotContain(token, row.PartitionKey + row.RowKey + string.Join(',', row.Select(p => p.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_and_tasks_with_the_same_text_do_not_collide()
    {
        var (registry, _, _) = NewRegistry();
        var registration = Registration(taskId: "same") with { CallbackToken = "same" };

        await registry.RegisterTokenAsync("same", "job-1:s00:c1", None);
        await registry.RecordTaskAsync(registration, None);

        Assert.Equal("job-1:s00:c1", await registry.FindInstanceByTokenAsync("same", None));
        Assert.Equal(registration, await registry.FindByTaskAsync("runway", "same", None));
    }

    [Fact]
    public async Task A_refused_credential_is_a_storage_call_failure_not_an_SDK_exception()
    {
        var options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
            TaskTable = AzuriteFixture.UniqueName("t"),
        };
        var registry = new TableTaskRegistry(StorageClients.CreateTableServiceClient(options).GetTableClient(options.TaskTable));

        var ex = await Assert.ThrowsAsync<StorageCallException>(() => registry.FindByTaskAsync("runway", "task-1", None));

        Assert.Equal(403, ex.Status);
        Assert.StartsWith($"creating table {options.TaskTable} failed: HTTP 403", ex.Message, StringComparison.Ordinal);
    }
}
