using System.Text.Json;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// Turns the raw JSON state written by an older schema version (the state file's <c>attributes</c> object) into the
/// current model. Throw a <c>ResourceException</c> to fail with a message.
/// </summary>
public delegate TModel StateUpgrade<out TModel>(JsonElement priorState);
