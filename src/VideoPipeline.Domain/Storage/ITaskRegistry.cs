namespace VideoPipeline.Domain.Storage;

/// <summary>
/// The task registry (ARCHITECTURE.md, "Storage"): routes a provider's callback to the orchestration waiting for it.
/// Raising an event to an instance that does not exist yet is lost, so both mappings are recorded before anything can call back.
/// A storage outage surfaces as <see cref="StorageCallException"/>; every operation is safe to repeat.
/// </summary>
public interface ITaskRegistry
{
    /// <summary>
    /// Before submit: the callback token routes <c>/api/webhooks/{provider}/{token}</c> to the instance. Idempotent: the same
    /// token for the same instance again is fine; the same token for another instance throws <see cref="TaskRegistrationConflictException"/>.
    /// Returns true when this call registered the token, false when it was already registered for the instance: the
    /// insert is the claim, so of two concurrent runs of one submit only one goes on to call the provider.
    /// </summary>
    Task<bool> RegisterTokenAsync(string callbackToken, string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// After submit: provider + task id → instance. Idempotent: the same registration again is fine; a different instance
    /// for the same provider task is refused with <see cref="TaskRegistrationConflictException"/>, which names both.
    /// </summary>
    Task RecordTaskAsync(TaskRegistration registration, CancellationToken cancellationToken);

    /// <summary>The registration of the provider's task, or null when none was recorded.</summary>
    Task<TaskRegistration?> FindByTaskAsync(string providerId, string taskId, CancellationToken cancellationToken);

    /// <summary>The instance the token was registered for, or null for an unknown token.</summary>
    Task<string?> FindInstanceByTokenAsync(string callbackToken, CancellationToken cancellationToken);

    /// <summary>
    /// The task recorded with this callback token, or null when none was (yet): how a re-run submit finds the task its
    /// earlier attempt created, so it adopts it instead of posting again.
    /// </summary>
    Task<TaskRegistration?> FindByTokenAsync(string callbackToken, CancellationToken cancellationToken);
}
