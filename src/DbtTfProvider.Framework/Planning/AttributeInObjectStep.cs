using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// Like <see cref="AttributeStep"/>, also given the prior value of the object holding the attribute (null when that
/// object is new: a create, or an element added by this change).
/// </summary>
internal delegate CtyValue AttributeInObjectStep(SchemaAttribute attribute, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior, CtyValue priorObject);
