/**
 * The namespace of every section editor. Lexical stamps it on copied JSON, so content copied
 * from one section pastes into another losslessly instead of through the HTML normalizer.
 */
export const EDITOR_NAMESPACE = 'aed-section';

/**
 * Tags an update that joins the previous undo step (with HISTORY_MERGE_TAG) but is the writer's
 * own change, so it is saved like any edit: an image's alt text, given as the image goes in.
 */
export const WRITER_CHANGE_TAG = 'aed-writer-change';
