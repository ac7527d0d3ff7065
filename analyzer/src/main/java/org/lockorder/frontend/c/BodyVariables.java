package org.lockorder.frontend.c;

import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * What a function body does to its variables, read from its tokens ({@link StableVariables}).
 *
 * @param stable the variables that keep their value through the body
 * @param lastAssignment by variable, the body's last token assigning it in source order (the name
 *     token of {@code name = ...}, {@code name += ...}, or of a declaration with an initializer; not
 *     of a step, {@code name++}, nor of a store through it, {@code *name = ...}); absent when the
 *     body never assigns it
 * @param untracked variables whose assignments the tokens do not show: address taken, inside an
 *     argument of a macro that assigns its arguments ({@code swap(a[i], b)}; a plain name given
 *     to one is in {@code macroArguments}), or declared more than once in the body (two variables
 *     of one name)
 * @param relocked by variable, its first assignment, for variables assigned again only as {@code
 *     v = f(..., v, ...)}: a call given the old value that returns the new one, as a relock does
 *     ({@code lruvec = folio_lruvec_relock_irq(folio, lruvec)}), so that what was locked through
 *     the old value is dropped or still what the variable points to
 * @param copies by variable assigned only NULL or other variables ({@code locked = NULL; ...
 *     locked = lruvec;}, 6.1's isolate_migratepages_block): each variable it copies, with the
 *     last token assigning that copy
 * @param assignedMembers member paths the body assigns, increments or takes the address of, as
 *     {@code root->field->field} whatever the operators ({@code vma->anon_vma = NULL})
 * @param reassignedParams by parameter that the body changes only with assignment operators
 *     ({@code fgp_flags |= FGP_LOCK}; not incremented, not through its address, not shadowed):
 *     how many assignment tokens it has. Conditions may read them, and each assignment becomes an
 *     {@link org.lockorder.ir.Event.Assign} node, so that the analysis knows where a test stops
 *     being a test of the value the caller passed.
 * @param flowTracked by parameter or local of the outermost block that is not stable but whose
 *     every change is an assignment operator, or for a local a step (not through its address, not
 *     assigned by a macro, not declared twice; a parameter not incremented): how many assignment
 *     and step tokens it has, its initializer included. The reassigned parameters are among them.
 *     Their assignments can become {@link org.lockorder.ir.Event.Assign} nodes, so that the analysis knows where on a path the
 *     variable changes (ADR-004, ADR-006 later: flow-sensitive tests).
 * @param relockAssignments the name tokens of assignments {@code v = f(..., v, ...)} (relocks,
 *     see {@code relocked}), of {@code addressArguments}, and of steps ({@code pte++}: the pointer
 *     still stands for what was locked through it)
 * @param addressArguments the name tokens of {@code &flag} given directly to a call, for a {@code
 *     bool} local: the callee may change the flag, as it may change the lock the flag stands for
 *     ({@code compact_unlock_should_abort(&zone->lock, flags, &locked, cc)}). Such a flag is not
 *     untracked: each of these is an assignment, and a relock (ADR-006 later: lock flags).
 * @param macroArguments the name tokens of plain names given whole to a macro that may assign
 *     them ({@code swap(a, b)}, {@code for_each_thread(p, t)}): each is an assignment of an unknown
 *     value there, an {@link org.lockorder.ir.Event.Assign} node after the macro's call for a
 *     followed variable (before, such a name was untracked: 6.1's {@code __oom_kill_process}
 *     tests {@code p} from {@code find_lock_task_mm} for NULL before {@code for_each_process(p)})
 * @param bitFlags by local used as a set of flag bits ({@link BitFlagLocals}): the constants it is
 *     assigned or or-ed with
 * @param constantLocals of those, the ones only ever assigned one constant: its text ({@link
 *     BitFlagLocals#constants})
 */
record BodyVariables(
    Set<String> stable, Map<String, Token> lastAssignment, Set<String> untracked, Map<String, Token> relocked,
    Map<String, Map<String, Token>> copies, Map<String, Integer> reassignedParams, Set<String> assignedMembers,
    Map<String, Integer> flowTracked, Set<Token> relockAssignments, Set<Token> addressArguments,
    Set<Token> macroArguments, Map<String, java.util.List<String>> bitFlags, Map<String, String> constantLocals) {

  BodyVariables {
    stable = Set.copyOf(stable);
    lastAssignment = Map.copyOf(lastAssignment);
    untracked = Set.copyOf(untracked);
    relocked = Map.copyOf(relocked);
    copies = Map.copyOf(copies);
    reassignedParams = Map.copyOf(reassignedParams);
    assignedMembers = Set.copyOf(assignedMembers);
    flowTracked = Map.copyOf(flowTracked);
    relockAssignments = Set.copyOf(relockAssignments);
    addressArguments = Set.copyOf(addressArguments);
    macroArguments = Set.copyOf(macroArguments);
    bitFlags = Map.copyOf(bitFlags);
    constantLocals = Map.copyOf(constantLocals);
  }

  /**
   * The assignment after which a lock taken through {@code name} is still the one it points to:
   * the first for a relocked variable, else the last; null when the body never assigns it.
   */
  Token lockedSince(String name) {
    Token first = relocked.get(name);
    return first != null ? first : lastAssignment.get(name);
  }
}
