/// The short poem the char-RNN demo learns, written for this course.
///
/// The same text ships as `Content/rnn/corpus.txt` for readers; a test keeps
/// the two identical. It is repetitive on purpose: four stanzas with the
/// same shape, so a small RNN can learn words and line structure in a few
/// thousand updates.
extension RNN {
    public static let demoText = """
the river reads the stones one at a time.
it keeps a little of each stone in its voice,
and the voice it carries is the state it holds.
the river does not stop to count the stones;
it only asks what the last stone left behind.

a sailor reads the stars one at a time.
she keeps a little of each star in her mind,
and the map she carries is the state she holds.
she does not hold the whole night sky at once;
she only asks what the last star left behind.

the reader reads the words one at a time.
he keeps a little of each word in his head,
and the story he carries is the state he holds.
he does not read the whole book at once;
he only asks what the last word left behind.

so the net reads the letters one at a time.
it keeps a little of each letter in its state,
and the state it carries is the memory it holds.
it does not see the whole line at once;
it only asks what the last letter left behind.
"""
}
