/// A short story, written for this course, in English and then in Chinese.
///
/// The tokenization demo and exercises train on it, so the merges a student
/// sees come from ordinary prose in both scripts (about 4,000 characters,
/// 6,000 UTF-8 bytes: each Chinese character takes three). The same text is
/// shipped as `Content/tokenization/sample.txt` for the benchmark, and a test
/// keeps the two identical.
public enum TokenizationStory {
    public static let text = #"""
The lighthouse keeper woke before the gulls. She climbed the ninety-one steps, wiped the salt from the big lens, and wrote the weather in her notebook: wind from the north-west, light rain, visibility about four miles. Nothing had changed for eleven years, and she liked it that way.
Her brother thought otherwise. He wrote letters from the city about trains that ran every three minutes, shops that never closed, and a machine at his office that could answer questions in plain English. "It reads everything," he wrote, "and it has never once been tired." She folded the letter in half and used it to level the kitchen table.
In spring the supply boat came late. The skipper, a cheerful man called Idris, apologised for the delay and carried up two crates of tins, a sack of flour, some batteries and a parcel tied with green string. Inside the parcel was a small radio. "Your brother's idea," said Idris. "He says you'll want the news."
She did not want the news. But on the third evening, when the fog was so thick that the beam seemed to stop an arm's length from the glass, she turned the dial until a voice came through the hiss. "Hello, World," the voice began, the way a programmer's first program greets the world. "Hello, world," the keeper said back to the radio, and then felt a little silly. It was a programme about language: how children learn words, why some words are short and others long, and how a computer can cut a sentence into pieces it knows.
The speaker explained that a computer does not see letters at all. It sees numbers. Every character is stored as one, two, three or four bytes, and a byte is just a number from 0 to 255. A model that reads text first turns those bytes into a list of integers, and only then does any arithmetic. Common pairs of bytes get their own number, then common pairs of those, and so on, until the list is short enough to be useful.
The keeper wrote this down too, between the wind and the rain. That night she counted the letters in her logbook and found that "th" came up more often than any other pair. She laughed, because it was true of her own handwriting as well: the, then, there, the lighthouse, the north.
By summer she was listening every evening. She learned that one model had read more books than every library on the coast put together, that another could translate poems between forty languages, and that all of them, deep inside, were doing sums with very long lists of numbers. She learned that a word like "unbelievable" might be split into "un", "believ" and "able", and that a rare name might fall apart into single letters.
In September a storm took out the radio mast on the headland, and the voice went silent. The keeper was surprised by how much she missed it. She wrote to her brother for the first time in a year: "Send me a book about the counting machines. A real one, with the sums in it."
He sent three. She read them by the lamp while the beam turned above her, 12 times a minute, 720 times an hour, 17,280 times a night. When the supply boat came in October, Idris found her at the kitchen table with a pencil, a stack of paper and a very long column of pairs and counts.
"What's all this?" he asked.
"Compression," she said. "Or learning. I haven't decided which."
灯塔看守人总是在海鸥醒来之前起床。她爬上九十一级台阶，擦掉大透镜上的盐，然后在本子上记下天气：西北风，小雨，能见度大约四英里。十一年来什么都没有变过，她也喜欢这样。
她的哥哥不这么想。他从城里寄来一封又一封信，写每三分钟一班的火车，写从不关门的商店，还写他办公室里有一台机器，能用平常的话回答问题。“它什么都读，”他写道，“而且从来不累。”她把信对折起来，垫在了厨房桌子的一条腿下面。
春天的补给船来晚了。船长伊德里斯是个乐呵呵的人，他为迟到道了歉，搬上来两箱罐头、一袋面粉、一些电池，还有一个用绿绳子捆着的包裹。包裹里是一台小收音机。“是你哥哥的主意，”伊德里斯说，“他说你会想听新闻的。”
她并不想听新闻。可是到了第三天晚上，雾浓得好像灯光一出玻璃就停住了，她转动旋钮，直到沙沙声里传出一个人的声音。“你好，世界，”那个声音说，就像程序员写的第一个程序向世界问好那样。“你好，世界，”看守人对着收音机回答，然后觉得自己有点傻。那是一个讲语言的节目：孩子怎样学会说话，为什么有的词短有的词长，还有计算机怎样把一句话切成它认识的小块。
主持人说，计算机根本看不见文字，它只看见数字。每个字符都存成一个、两个、三个或四个字节，而一个字节不过是零到二百五十五之间的一个数。一个读文字的模型先把这些字节变成一串整数，然后才开始计算。常见的字节对会得到自己的编号，常见的编号对又会得到新的编号，就这样一直合并下去，直到这串数字短得足够好用。
看守人把这些也记了下来，就写在风和雨的旁边。那天夜里，她数了数日志里的字，发现“的”字出现得比别的字都多。她笑了，因为她自己的字迹也是这样：灯塔的光，北方的风，海上的雾。
到了夏天，她每天晚上都听。她知道了有一个模型读过的书比整个海岸上所有图书馆加起来还多，另一个模型能在四十种语言之间翻译诗歌，而它们在最深处做的，都是一长串一长串数字的加法和乘法。她还知道，一个很长的词可能被切成三四块，而一个少见的名字可能碎成一个一个的字母。
九月里一场风暴刮倒了岬角上的无线电天线，那个声音不见了。看守人没想到自己会这么想念它。她一年来第一次给哥哥写信：“给我寄一本讲这些数数机器的书。要真正的书，里面要有算式。”
他寄来了三本。她在灯下读，头顶的光束每分钟转十二圈，每小时七百二十圈，每夜一万七千二百八十圈。十月补给船来的时候，伊德里斯发现她坐在厨房桌前，手里拿着铅笔，面前是一摞纸和很长很长的一列字节对和次数。
“这是在干什么？”他问。
“压缩，”她说，“或者说是学习。我还没想好是哪一个。”
"""#
}
