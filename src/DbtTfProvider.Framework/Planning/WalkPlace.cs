using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// One attribute, block or object reached by the walk: its path (which stops at a set, see <see cref="SchemaWalker"/>),
/// its planned, configured and prior values, the planned and prior objects holding it, and whether it lies inside an
/// element of a set (so that its own path cannot name it).
/// </summary>
internal readonly record struct WalkPlace(CtyPath Path, CtyValue Planned, CtyValue Config, CtyValue Prior, CtyValue Object, CtyValue PriorObject, bool InsideSet);
