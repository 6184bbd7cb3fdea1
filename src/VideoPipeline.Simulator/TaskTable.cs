using System.Collections.Concurrent;

namespace VideoPipeline.Simulator;

/// <summary>The tasks every simulated provider accepted (each would be billed by the real one), and the submits that arrived.</summary>
internal sealed class TaskTable
{
    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _submits = new(StringComparer.Ordinal);

    public void CountSubmit(string providerId) => _submits.AddOrUpdate(providerId, 1, (_, n) => n + 1);

    public int SubmitsReceived(string providerId) => _submits.GetValueOrDefault(providerId);

    public int TasksCreated(string providerId) => _tasks.Values.Count(t => t.ProviderId == providerId);

    public void Add(SimulatedTask task) => _tasks[task.Id] = task;

    /// <summary>The provider's task with this id, or null (another provider's task is not found either).</summary>
    public SimulatedTask? Find(string providerId, string id) =>
        _tasks.TryGetValue(id, out var task) && task.ProviderId == providerId ? task : null;

    /// <summary>Any provider's task with this id (the file host serves them all).</summary>
    public SimulatedTask? FindAny(string id) => _tasks.GetValueOrDefault(id);

    public SimulatedTask? FindByExternalId(string providerId, string externalId) =>
        _tasks.Values.FirstOrDefault(t => t.ProviderId == providerId && t.ExternalId == externalId);

    public IReadOnlyList<CreatedTask> Created(string providerId) =>
        [.. Of(providerId).Reverse().Select(t => new CreatedTask(t.ProviderId, t.Id, t.Model, t.Prompt, t.Seed, t.ExternalId, t.CreatedAt))];

    public IEnumerable<SimulatedTask> Of(string providerId) => _tasks.Values.Where(t => t.ProviderId == providerId).OrderByDescending(t => t.CreatedAt);
}
