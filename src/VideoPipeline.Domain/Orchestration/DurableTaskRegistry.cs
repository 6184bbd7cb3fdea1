namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// The orchestrators and activities an engine can run, by name. Mirrors <c>Microsoft.DurableTask.DurableTaskRegistry</c>
/// with explicit names (each workflow keeps its names as constants) and factories (one object per run).
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public DurableTaskRegistry AddOrchestrator(TaskName name, Func<ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(TaskName name)
        where TOrchestrator : ITaskOrchestrator, new() => AddOrchestrator(name, () => new TOrchestrator());

    public DurableTaskRegistry AddActivity(TaskName name, Func<ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddActivity<TActivity>(TaskName name)
        where TActivity : ITaskActivity, new() => AddActivity(name, () => new TActivity());

    /// <summary>Registers one shared activity object, for activities that hold injected clients.</summary>
    public DurableTaskRegistry AddActivity(TaskName name, ITaskActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivity(name, () => activity);
    }

    public bool TryGetOrchestrator(TaskName name, out Func<ITaskOrchestrator> factory) =>
        _orchestrators.TryGetValue(name.Name, out factory!);

    public bool TryGetActivity(TaskName name, out Func<ITaskActivity> factory) =>
        _activities.TryGetValue(name.Name, out factory!);
}
