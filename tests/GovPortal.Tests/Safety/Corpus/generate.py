#!/usr/bin/env python3
"""Writes the generated halves of the content-safety corpus: legitimate-generated.json and spam-generated.json.

Templates x vocabulary with a fixed seed, so the same files come out every time; the hand-written samples live in
legitimate-handwritten.json and spam-handwritten.json and are not touched. Run from anywhere:
    python3 tests/GovPortal.Tests/Safety/Corpus/generate.py
"""
import base64
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(17)

# ---------------------------------------------------------------------------------------------------------------
# Legitimate enforcement news: meetings, statistics, school talks, court verdicts, warnings, letters, Q&A, lists.
# ---------------------------------------------------------------------------------------------------------------

ORGS = ["区公安分局", "区“扫黄打非”办", "区禁毒委员会", "区委网信办", "区文化市场综合行政执法大队", "区人民检察院",
        "区金融监管局", "区教育局", "城东派出所", "高新区管委会", "区司法局", "区市场监管局"]
CAMPAIGNS = ["“扫黄打非”", "禁毒", "反电信网络诈骗", "打击治理跨境赌博", "“净网2024”", "防范非法集资",
             "“护苗”", "网络生态治理", "“秋风”", "全民禁毒宣传月"]
CRIMES = ["开设赌场", "网络赌博", "跨境赌博", "“六合彩”私彩", "“百家乐”网络赌博", "传播淫秽色情信息",
          "网络直播涉黄", "“裸聊”敲诈", "制贩毒品", "容留他人吸毒", "非法集资", "电信网络诈骗", "代开发票",
          "非法买卖枪支", "贩卖“迷药”“听话水”", "组织卖淫", "利用“棋牌”App赌博", "为赌博网站推广引流",
          "销售淫秽物品", "网络色情引流"]
LURES = ["“注册送彩金”", "“充值返水”", "“首存送100%”", "“免费观看”", "“美女视频聊天”", "“午夜福利”",
         "“日赚千元”", "“高额返利”", "“内部特码”", "“真人荷官”", "“百家乐稳赢技巧”", "“高清无码”",
         "“同城交友”", "“保本保息”", "“刷单返利”", "“一区二区在线观看”", "“娱乐城开户”", "“体育投注”",
         "“货到付款”", "“代办证件”"]
FRAMES = ["都是不法分子设下的诱饵", "是典型的诈骗套路", "背后往往是赌博和诈骗陷阱", "多为涉黄引流的骗局",
          "是违法犯罪分子常用的噱头"]
ADVICE = ["不点击陌生链接、不下载来历不明的App", "发现线索及时向公安机关举报", "不轻信、不转账、不透露个人信息",
          "远离网络赌博和涉黄信息", "遇到可疑情况拨打110或96110"]
SCHOOLS = ["实验小学", "第二中学", "职业技术学校", "外国语学校", "城南中学", "科技学院"]
PLACES = ["幸福里社区", "枫桥街道", "高新区", "湖滨新城", "北桥镇", "黄桥街道", "元和街道"]
SEIZED = ["冰毒", "海洛因", "大麻", "K粉", "麻古", "摇头丸"]
HOTLINES = ["110", "96110", "12377", "12321", "12390", "0512-12345"]
CHARGES = [("开设赌场罪", "以“百家乐”“时时彩”等形式组织他人在网上参赌"),
           ("赌博罪", "多次聚众赌博并抽头渔利"),
           ("传播淫秽物品牟利罪", "在网络群组内出售淫秽视频会员链接"),
           ("贩卖毒品罪", "通过社交软件以“货到付款”方式贩卖冰毒"),
           ("帮助信息网络犯罪活动罪", "出售银行卡为网络赌博平台转移资金"),
           ("诈骗罪", "以“裸聊”视频为要挟敲诈他人钱财"),
           ("非法吸收公众存款罪", "以“高额返利”为诱饵向社会公众吸收资金"),
           ("虚开发票罪", "在网上发布“代开发票”广告并虚开发票")]


def pick(items, k):
    return rng.sample(items, k)


def legit_meeting(i):
    org, campaign = rng.choice(ORGS), rng.choice(CAMPAIGNS)
    crimes = "、".join(pick(CRIMES, rng.randint(2, 4)))
    return [f"{org}召开{campaign}工作推进会",
            f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{org}召开{campaign}工作推进会，通报前阶段工作情况，"
            f"部署下一阶段重点任务。",
            f"会议要求，要保持严打高压态势，依法严厉打击{crimes}等违法犯罪活动，切实维护社会治安稳定。"]


def legit_statistics(i):
    org = rng.choice(ORGS)
    crime = rng.choice(CRIMES)
    drug = rng.choice(SEIZED)
    return [f"今年以来，{org}共查处{crime}案件{rng.randint(3, 90)}起，抓获犯罪嫌疑人{rng.randint(5, 120)}名，"
            f"缴获{drug}{rng.randint(1, 30)}.{rng.randint(0, 9)}公斤，涉案金额{rng.randint(100, 9000)}万元。"]


def legit_school(i):
    school, lures = rng.choice(SCHOOLS), "、".join(pick(LURES, rng.randint(2, 3)))
    return [f"{rng.choice(['城东派出所', '区禁毒办', '区反诈中心', '区检察院'])}民警走进{school}，开展"
            f"{rng.choice(['反诈', '禁毒', '网络安全', '防范校园贷', '拒绝黄赌毒'])}主题教育。",
            f"民警结合真实案例，提醒同学们警惕{lures}等常见骗局，做到{rng.choice(ADVICE)}。"]


def legit_warning(i):
    lures = "".join(pick(LURES, rng.randint(2, 4)))
    return [f"{rng.choice(['警方提醒', '区反诈中心提醒', '网信办提示：请广大网民注意'])}：网上所谓{lures}等宣传，"
            f"{rng.choice(FRAMES)}，请勿轻信。如遇可疑情况，请拨打{rng.choice(HOTLINES)}。"]


def legit_court(i):
    charge, conduct = rng.choice(CHARGES)
    surname = rng.choice("王李张刘陈杨黄赵吴周徐孙")
    return [f"被告人{surname}某{conduct}，区人民法院经审理，以{charge}判处其有期徒刑{rng.randint(1, 8)}年，"
            f"并处罚金人民币{rng.randint(1, 50)}万元。"]


def legit_letter(i):
    place = rng.choice(PLACES)
    problem = rng.choice([
        "小区底商棋牌室有人聚众赌博，还听说可以在手机上玩百家乐",
        "有人在小区门口发“澳门娱乐城注册送彩金”的小卡片",
        "孩子的手机经常弹出“美女视频”“免费观看”的低俗广告",
        "有人在出租屋里吸毒，楼道里经常有注射器",
        "有人在群里发“代开发票”“办证刻章”的广告",
        "老人被拉去听讲座，被推销“保本保息”的养老投资",
    ])
    return [f"我是{place}居民，{problem}，特此举报，希望有关部门尽快调查处理。"]


def legit_qa(i):
    question, answer = rng.choice([
        ("手机收到“注册送彩金”的短信怎么办", "这是网络赌博引流短信，请勿点击链接，可向12321举报"),
        ("朋友推荐的“六合彩内部资料”可信吗", "私彩“六合彩”属于赌博，所谓“内部资料”都是骗局，请远离并举报"),
        ("网上看到“一区二区在线观看”的链接能点吗", "此类链接多为涉黄网站引流，可能暗藏木马，请勿点击并向12377举报"),
        ("陌生人要和我“裸聊”怎么办", "这很可能是敲诈诈骗的陷阱，请立即拒绝并报警"),
        ("什么是新型毒品", "指冰毒、摇头丸、K粉等人工合成毒品，以及伪装成奶茶、糖果的毒品，要提高警惕"),
        ("在网上买彩票合法吗", "未经批准利用互联网销售彩票属违法行为，请到实体投注站购买福利彩票和体育彩票"),
    ])
    return [f"问：{question}？", f"答：{answer}。"]


def legit_ordinary(i):
    return [rng.choice([
        f"区政府常务会议以视频会议形式召开，会议视频可在区政府网站在线观看。",
        f"{rng.choice(PLACES)}新建社区老年活动中心，设有棋牌室、阅览室和康复室，免费向老年人开放。",
        f"本周农贸市场菠菜每斤{rng.randint(2, 6)}.{rng.randint(0, 9)}元，价格较上周略有下降。",
        f"区民政局开展福利彩票公益金项目检查，共检查项目{rng.randint(5, 40)}个。",
        f"暴雨黄色预警信号生效中，请市民注意防范。",
        f"企业开户、公章刻制等事项实现一窗通办，平均{rng.randint(1, 3)}个工作日办结。",
        f"成人高考报名将于{rng.randint(8, 9)}月开始，考生可免费咨询。",
        f"{rng.choice(PLACES)}开展居家养老上门服务，为高龄老人提供助餐助浴。",
        f"园区划分为一区、二区、三区三个网格，高清视频监控实现全覆盖。",
        f"全市最美女教师评选结果揭晓，我区{rng.randint(2, 5)}名教师入选。",
    ])]


def legit_html_list(i):
    items = pick(CRIMES, rng.randint(3, 5))
    lis = "".join(f"<li>{c}；</li>" for c in items)
    link = rng.choice(['<a href="https://www.12377.cn/">中国互联网违法和不良信息举报中心</a>',
                       '<a href="https://www.shdf.gov.cn/">全国“扫黄打非”网</a>',
                       '<a href="https://www.mps.gov.cn/">公安部网站</a>',
                       '<a href="/xwzx/zfxx/">本站政务信息</a>'])
    return [f"<p>{rng.choice(ORGS)}严厉打击以下违法犯罪行为：</p>", f"<ol>{lis}</ol>",
            f"<p>举报途径：拨打{rng.choice(HOTLINES)}，或登录{link}。</p>"]


LEGIT_TEXT = [legit_meeting, legit_statistics, legit_school, legit_warning, legit_court, legit_letter, legit_qa,
              legit_ordinary]


def legitimate():
    samples = []
    for i in range(132):
        make = LEGIT_TEXT[i % len(LEGIT_TEXT)]
        samples.append({"label": f"生成/{make.__name__[6:]}/{i:03d}", "html": False, "lines": make(i)})
    for i in range(24):
        samples.append({"label": f"生成/html_list/{i:03d}", "html": True, "lines": legit_html_list(i)})
    return samples


# ---------------------------------------------------------------------------------------------------------------
# Spam: keyword clusters x disguises x carriers (appended lines, hidden blocks, links, attributes, scripts).
# ---------------------------------------------------------------------------------------------------------------

GAMBLING = ["澳门金沙", "百家乐", "真人娱乐", "注册送彩金", "首存送100%", "返水1.5%", "体育投注", "六合彩", "时时彩",
            "新葡京", "威尼斯人", "皇冠体育", "电子游艺", "捕鱼游戏", "娱乐城", "官网开户", "北京赛车", "幸运飞艇",
            "大发快三", "真人视讯"]
PORN = ["国产精品", "日韩欧美", "一区二区三区", "在线观看", "免费观看", "高清无码", "午夜福利", "精品视频", "成人影院",
        "久久综合", "人妻", "自拍偷拍", "同城约炮", "裸聊", "黄片", "三级片", "福利姬", "看片"]
CONTRABAND = ["办证", "刻章", "代开发票", "出售冰毒", "麻古", "K粉", "货到付款", "加微信", "仿真枪", "迷药",
              "听话水", "假证", "发票代开"]
PINYIN = {"百家乐": "baijiale", "六合彩": "liuhecai", "时时彩": "shishicai", "注册送彩金": "zhucesong caijin",
          "真人娱乐": "zhenrenyule", "娱乐城": "yulecheng", "澳门金沙": "aomen jinsha", "在线观看": "zaixianguankan",
          "免费观看": "mianfeiguankan", "国产精品": "guochan jingpin", "高清无码": "gaoqing wuma",
          "同城约炮": "tongcheng yuepao", "裸聊": "luoliao"}
TRADITIONAL = str.maketrans("门场乐彩娱视频观线无码国产综合费伦体开户办证发票药枪", "門場樂彩娛視頻觀綫無碼國產綜合費倫體開戶辦證發票藥槍")
SEPARATORS = [",", " ", "，", " | ", "、", "丨", " - ", "  ", "/", "；"]
GAMBLING_HOSTS = ["amjs", "xpj", "vns", "hg", "bet", "amyh", "365bet", "pujing", "baijiale", "liuhecai", "bocai"]
PORN_HOSTS = ["av", "caoliu", "porn", "sex", "jav", "xxx"]
TLDS = ["com", "net", "vip", "cc", "top"]
ARTICLE = ["<p>区委常委会召开会议，研究部署当前重点工作。</p>",
           "<p>会议强调，要持续优化营商环境，推动经济高质量发展。</p>",
           "<p>全区上下要切实增强责任感和紧迫感，确保各项任务落到实处。</p>"]
PROSE = ["会议要求，各部门要切实增强思想自觉、行动自觉，确保各项工作落到实处。",
         "相城区召开生态环境保护大会。", "全区安全生产工作会议召开。", "区政府召开常务会议。"]


def cluster(vocabulary):
    words = pick(vocabulary, rng.randint(4, 5))
    return rng.choice(SEPARATORS).join(words), words


def disguise(text, words, how):
    if how == "plain":
        return text
    if how == "spaced":
        return " ".join(text)
    if how == "zero-width":
        return rng.choice(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]).join(text)
    if how == "full-width":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)
    if how == "traditional":
        return text.translate(TRADITIONAL)
    if how == "dots":
        return "·".join(text)
    if how == "emoji":
        return "".join(c + rng.choice(["🎰", "💰", "🔥", "❤", "⭐"]) for c in text)
    if how == "soft-hyphen":
        return "\u00ad".join(text)
    if how == "lookalike":
        return text.replace("裸", "祼").replace("娱", "娯").replace("a", "а").replace("o", "о").replace("K", "К")
    if how == "pinyin":
        spelled = [PINYIN[w] for w in words if w in PINYIN]
        return " ".join(spelled) if len(spelled) >= 2 else " ".join(text)
    raise ValueError(how)


DISGUISES = ["plain", "spaced", "zero-width", "full-width", "traditional", "dots", "emoji", "soft-hyphen",
             "lookalike", "pinyin"]
HIDING = ["display:none", "visibility:hidden", "font-size:0", "font-size:0px", "position:absolute;left:-9999px",
          "position:absolute;top:-5000px", "text-indent:-9999px", "height:0;overflow:hidden",
          "width:0;height:0;overflow:hidden", "color:#fff;background-color:#fff", "color:#ffffff", "opacity:0",
          "transform:translate(-9999px,0)", "display: none !important", "margin-left:-3000px",
          "position:absolute;clip:rect(0,0,0,0)"]


def spam_host(kind):
    prefix = rng.choice(GAMBLING_HOSTS if kind == "gambling" else PORN_HOSTS)
    return f"www.{prefix}{rng.randint(10, 9999)}.{rng.choice(TLDS)}"


def spam_text(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN), ("contraband", CONTRABAND)])
    how = DISGUISES[i % len(DISGUISES)]
    text, words = cluster(vocabulary)
    line = disguise(text, words, how)
    if rng.random() < 0.5:
        lines = [rng.choice(PROSE), line]
    else:
        lines = [rng.choice(PROSE) + line]
    return {"label": f"生成/文字/{kind}/{how}/{i:03d}", "html": False, "lines": lines}


def spam_hidden(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN)])
    style = HIDING[i % len(HIDING)]
    words = pick(vocabulary, rng.randint(1, 3))
    links = "".join(f'<a href="http://{spam_host(kind)}/">{w}</a>' for w in words)
    tag = rng.choice(["div", "p", "span"])
    return {"label": f"生成/暗链/{kind}/{style}/{i:03d}", "html": True,
            "lines": [rng.choice(ARTICLE), f'<{tag} style="{style}">{links}</{tag}>']}


def spam_class_rule(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN)])
    style = HIDING[i % len(HIDING)]
    name = rng.choice(["yc", "hide", "ft", "seo", "lk", "x1"])
    selector = rng.choice([f".{name}", f"div.{name}", f".a,.{name}", f"#{name}"])
    attribute = f'id="{name}"' if selector.startswith("#") else f'class="{name}"'
    links = "".join(f'<a href="http://{spam_host(kind)}/">{w}</a>' for w in pick(vocabulary, 2))
    return {"label": f"生成/暗链样式表/{kind}/{selector}/{i:03d}", "html": True,
            "lines": [f"<style>{selector}{{{style}}}</style>", rng.choice(ARTICLE), f"<div {attribute}>{links}</div>"]}


def spam_link(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN)])
    host = spam_host(kind)
    anchor = rng.choice(["更多", "点击进入", "详情", "相关链接", rng.choice(vocabulary)])
    return {"label": f"生成/可见链接/{kind}/{i:03d}", "html": True,
            "lines": [rng.choice(ARTICLE), f'<p><a href="http://{host}/">{anchor}</a></p>']}


def spam_anchor(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN)])
    host = f"www.{rng.choice(['news', 'info', 'site', 'web', 'page'])}{rng.randint(100, 999)}.com"
    return {"label": f"生成/锚文字/{kind}/{i:03d}", "html": True,
            "lines": [rng.choice(ARTICLE), f'<p><a href="http://{host}/">{rng.choice(vocabulary)}</a></p>']}


def spam_encoded(i):
    kind, vocabulary = rng.choice([("gambling", GAMBLING), ("porn", PORN)])
    host = spam_host(kind)
    html = f'<a href="http://{host}/">{rng.choice(vocabulary)}</a>'
    way = ["atob", "unescape", "redirect", "meta", "iframe", "comment", "meta-keywords", "alt"][i % 8]
    if way == "atob":
        carrier = f"<script>document.write(atob('{base64.b64encode(html.encode()).decode()}'))</script>"
    elif way == "unescape":
        carrier = "<script>document.write(unescape('" + "".join(f"%{b:02X}" for b in html.encode()) + "'))</script>"
    elif way == "redirect":
        carrier = ("<script>if(/baidu|sogou|so\\.com/.test(document.referrer))"
                   f"location.replace('http://{host}/')</script>")
    elif way == "meta":
        carrier = f'<meta http-equiv="refresh" content="0;url=http://{host}/">'
    elif way == "iframe":
        carrier = f'<iframe src="http://{host}/" width="0" height="0"></iframe>'
    elif way == "comment":
        text, _ = cluster(vocabulary)
        carrier = f"<!-- {text} {host} -->"
    elif way == "meta-keywords":
        text, _ = cluster(vocabulary)
        carrier = f'<meta name="keywords" content="{text}">'
    else:
        text, _ = cluster(vocabulary)
        carrier = f'<p><img src="/uploads/a.jpg" alt="{text}"></p>'
    return {"label": f"生成/编码与跳转/{kind}/{way}/{i:03d}", "html": True,
            "lines": [rng.choice(ARTICLE), carrier]}


def spam():
    samples = [spam_text(i) for i in range(70)]
    samples += [spam_hidden(i) for i in range(48)]
    samples += [spam_class_rule(i) for i in range(16)]
    samples += [spam_link(i) for i in range(16)]
    samples += [spam_anchor(i) for i in range(12)]
    samples += [spam_encoded(i) for i in range(24)]
    return samples


def write(name, description, samples):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump({"description": description, "samples": samples}, f, ensure_ascii=False, indent=1)
        f.write("\n")


write("legitimate-generated.json",
      "Generated by generate.py (seed 17): enforcement news that must raise no blocking finding.", legitimate())
write("spam-generated.json",
      "Generated by generate.py (seed 17): spam and 暗链 that must raise a blocking finding.", spam())
