package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a stream of events into suggestions: each event becomes a request for a profile, equal
 * requests are merged (permissions of one path add up), what the profiles already grant is
 * dropped, and where an abstraction would grant several suggestions at once it is offered instead.
 *
 * <p>Feed it events ({@link #accept}), then ask for {@link #suggestions()}. Not thread-safe.
 */
public final class Suggester implements Consumer<AuditEvent> {
    private final KnownProfiles profiles;
    private final LearningLabels learning;
    private final AbstractionOffers abstractions;
    private final NetworkRuleForm networkRules;
    private final Grants grants = new Grants();
    private final Map<Object, Group> byEvent = new HashMap<>();
    private final Map<String, ProfilePath> placementCache = new HashMap<>();
    private final Map<Object, Group> groups = new LinkedHashMap<>();
    private final RulelessEvents ruleless = new RulelessEvents();
    private long events;
    private long used;

    /** Equal requests for one profile, with their events. */
    private static final class Group {
        final ProfilePath target;
        RuleRequest request;
        long count;
        long denied;
        String comm;
        String firstSource;
        final List<String> objects = new ArrayList<>(2);

        Group(ProfilePath target, RuleRequest request) {
            this.target = target;
            this.request = request;
        }
    }

    public Suggester(KnownProfiles profiles, LearningLabels learning, AbstractionOffers abstractions) {
        this(profiles, learning, abstractions, NetworkRuleForm.FINE_GRAINED);
    }

    /** {@code networkRules}: which network rules the parser that will load the profile reads. */
    public Suggester(KnownProfiles profiles, LearningLabels learning, AbstractionOffers abstractions,
            NetworkRuleForm networkRules) {
        this.profiles = profiles;
        this.learning = learning;
        this.abstractions = abstractions;
        this.networkRules = networkRules;
    }

    public Suggester(KnownProfiles profiles) {
        this(profiles, LearningLabels.TO_EXECUTING_PROFILE, null);
    }

    /** Events seen, and how many of them asked for a rule. */
    public long events() {
        return events;
    }

    public long eventsUsed() {
        return used;
    }

    /** The denials and allowances of classes no rule kind covers: counted, not suggested for. */
    public RulelessEvents ruleless() {
        return ruleless;
    }

    @Override
    public void accept(AuditEvent event) {
        events++;
        if (!EventRules.asksForRule(event) || ruleless.count(event)) {
            return;
        }
        // Most events repeat one seen before: one lookup finds their group.
        Object key = EventRules.cacheKey(event);
        Group group;
        if (key != null) {
            group = byEvent.get(key);
            if (group == null) {
                if (byEvent.containsKey(key)) {
                    return; // seen: asks for nothing
                }
                group = group(event);
                byEvent.put(key, group);
                if (group == null) {
                    return;
                }
            } else if (group.objects.size() < EventSummary.MAX_OBJECTS && event instanceof AuditEvent.FileAccess file
                    && file.name() != null && !group.objects.contains(file.name())) {
                group.objects.add(file.name()); // another pid's path behind the same key
            }
        } else {
            group = group(event);
            if (group == null) {
                return;
            }
        }
        used++;
        group.count++;
        if (event.kind() == EventKind.DENIED) {
            group.denied++;
        }
        if (group.comm == null) {
            group.comm = event.record().comm();
            group.firstSource = event.record().source() + ":" + event.record().line();
        }
    }

    /** The group an event belongs to, made (or its request merged in) on first sight; null when it asks for nothing. */
    private Group group(AuditEvent event) {
        ProfilePath target = placement(event);
        if (target == null) {
            return null;
        }
        RuleRequest request = EventRules.request(event);
        if (request == null) {
            return null;
        }
        Object key = Arrays.asList(target, request.mergeKey());
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(target, request);
            groups.put(key, group);
        } else {
            group.request = group.request.merge(request);
        }
        String object = request.object();
        if (object != null && group.objects.size() < EventSummary.MAX_OBJECTS && !group.objects.contains(object)) {
            group.objects.add(object);
        }
        return group;
    }

    private ProfilePath placement(AuditEvent event) {
        String label = event.profile();
        if (label == null || event instanceof AuditEvent.Userns) {
            return EventRules.placement(event, learning);
        }
        ProfilePath found = placementCache.get(label);
        if (found == null && !placementCache.containsKey(label)) {
            found = EventRules.placement(event, learning);
            placementCache.put(label, found);
        }
        return found;
    }

    /**
     * The suggestions so far: per profile in the order first seen, granted ones left out, and
     * requests whose first offer is the same rule (one per pid under {@code /proc/*}) made one.
     */
    public List<Suggestion> suggestions() {
        Map<List<Object>, Suggestion> byRule = new LinkedHashMap<>();
        for (Group group : groups.values()) {
            KnownProfiles.Entry entry = profiles.find(group.target);
            TargetContext context = new TargetContext(entry != null ? entry.hasProcVariables() : rootHasProcVariables(group.target),
                    profiles);
            RuleRequest.Choices choices = group.request.choices(context);
            int defaultIndex = group.request.kind() == RuleKind.NETWORK
                    ? networkRules.defaultIndex(choices.alternatives(), choices.defaultIndex()) : choices.defaultIndex();
            Alternative chosen = choices.alternatives().get(defaultIndex);
            EventSummary summary = new EventSummary(group.count, group.denied, group.comm, group.objects, group.firstSource);
            List<Object> key = List.of(group.target, chosen.rule());
            Suggestion same = byRule.get(key);
            if (same != null) {
                byRule.put(key, new Suggestion(same.file(), same.profile(), same.kind(), same.alternatives(), same.defaultIndex(),
                        same.events().plus(summary), same.replaces(), same.request()));
                continue;
            }
            if (byRule.containsKey(key) || entry != null && grants.granted(entry, group.request, chosen)) {
                byRule.put(key, null); // granted: later requests for the same rule are too
                continue;
            }
            Path file = profiles.fileOf(group.target);
            byRule.put(key, new Suggestion(file, group.target, chosen.kind(), choices.alternatives(), defaultIndex,
                    summary, List.of(), group.request));
        }
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : byRule.values()) {
            if (s != null) {
                out.add(s);
            }
        }
        out = CoveredSuggestions.fold(out);
        if (abstractions != null) {
            out = abstractions.offer(out, profiles, grants);
        }
        return SiblingGlobs.offer(out);
    }

    private boolean rootHasProcVariables(ProfilePath target) {
        KnownProfiles.Entry root = profiles.find(ProfilePath.of(target.root()));
        return root != null && root.hasProcVariables();
    }
}
